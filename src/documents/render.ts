import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { PackData } from '../pack/index.ts';
import { DocumentError } from './errors.ts';
import { documentSchema, type DocumentData, type DocumentType } from './shapes.ts';
import { templatesFor } from './templates.ts';

const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true });
const validators = new Map<DocumentType, ValidateFunction>();

function validatorFor(type: DocumentType): ValidateFunction {
  let v = validators.get(type);
  if (!v) {
    v = ajv.compile(documentSchema(type));
    validators.set(type, v);
  }
  return v;
}

/**
 * Renders `data` with the template `name` (by default the document type's own), after checking
 * that the data has every value the document declares: nothing is ever printed as a blank.
 */
export function renderDocument<T extends DocumentType>(pack: PackData, type: T, data: DocumentData[T], name: string = type): string {
  const validate = validatorFor(type);
  if (!validate(data)) throw new DocumentError(`文书数据不完整或格式不对（${type}）：${describeErrors(validate.errors ?? [])}`);
  const templates = templatesFor(pack);
  if (!templates.roles.get(name)?.has(type)) {
    throw new DocumentError(`模板 ${name} 没有登记为 ${type} 文书的模板（在事项的 documents 中引用它，或将模板命名为 ${type}.hbs）`);
  }
  return templates.render(name, data);
}

function describeErrors(errors: readonly ErrorObject[]): string {
  return errors
    .slice(0, 5)
    .map((e) => {
      const at = `$${e.instancePath.replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.')}`;
      if (e.keyword === 'required') return `${at} 缺少 ${(e.params as { missingProperty: string }).missingProperty}`;
      if (e.keyword === 'additionalProperties') return `${at} 有多余的字段 ${(e.params as { additionalProperty: string }).additionalProperty}`;
      if (e.keyword === 'type') return `${at} 应为 ${(e.params as { type: string }).type}`;
      if (e.keyword === 'enum') return `${at} 取值不在 ${(e.params as { allowedValues: unknown[] }).allowedValues.join('、')} 之中`;
      return `${at} ${e.message ?? e.keyword}`;
    })
    .join('；');
}
