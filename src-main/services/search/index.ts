export { findFiles, type FindFilesOptions, type FoundFiles } from './find-files';
