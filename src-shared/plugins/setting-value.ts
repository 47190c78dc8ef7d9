import { z } from 'zod';
import type { PluginSetting } from './manifest';

/**
 * What a setting contributed by a plugin accepts, as a zod schema: settings.json is checked
 * against it, and the settings UI picks its control from it as for the built-in settings.
 */
export function pluginSettingValueSchema(setting: PluginSetting): z.ZodType {
  if (setting.enum) {
    const options = setting.enum;
    return options.every((option) => typeof option === 'string') ? z.enum(options as [string, ...string[]]) : z.literal(options);
  }
  switch (setting.type) {
    case 'string':
      return z.string();
    case 'boolean':
      return z.boolean();
    case 'number':
    case 'integer': {
      let schema = setting.type === 'integer' ? z.number().int() : z.number();
      if (setting.minimum !== undefined) schema = schema.min(setting.minimum);
      if (setting.maximum !== undefined) schema = schema.max(setting.maximum);
      return schema;
    }
    case 'array':
      return z.array(z.json());
    case 'object':
      // Not a record: the UI edits records as glob → on/off maps.
      return z.looseObject({});
  }
}
