export { findFiles, type FindFilesOptions, type FoundFiles } from './find-files';
export { searchText, splitGlobs, textSearchArgs, type TextSearchOptions } from './text-search';
