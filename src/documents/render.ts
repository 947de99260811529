import type { ValidateFunction } from 'ajv';
import { compileSchema, type PackData } from '../pack/index.ts';
import { DocumentError } from './errors.ts';
import { describeProblems } from './inputs.ts';
import { publishedPhones } from '../records/index.ts';
import { assertMasked, isPublicDocument, maskPublicData } from './public.ts';
import { documentSchema, type DocumentData, type DocumentType } from './shapes.ts';
import { templatesFor } from './templates.ts';

const validators = new Map<DocumentType, ValidateFunction>();

function validatorFor(type: DocumentType): ValidateFunction {
  let v = validators.get(type);
  if (!v) {
    v = compileSchema(documentSchema(type));
    validators.set(type, v);
  }
  return v;
}

/**
 * Renders `data` with the template `name` (by default the document type's own), after checking
 * that the data has every value the document declares: nothing is ever printed as a blank. A public
 * document shows no whole ID or mobile number (see public.ts).
 */
export function renderDocument<T extends DocumentType>(pack: PackData, type: T, data: DocumentData[T], name: string = type): string {
  const validate = validatorFor(type);
  if (!validate(data)) throw new DocumentError('E-DOC-DATA', `文书数据不完整或格式不对（${type}）：${describeProblems(validate.errors ?? [], 5)}`);
  const templates = templatesFor(pack);
  if (!templates.roles.get(name)?.has(type)) {
    throw new DocumentError('E-DOC-TEMPLATE-UNKNOWN', `模板 ${name} 没有登记为 ${type} 文书的模板（在事项的 documents 中引用它，或将模板命名为 ${type}.hbs）`);
  }
  if (!isPublicDocument(type)) return templates.render(name, data);
  // A public document: personal numbers typed into any free text are masked, and nothing the template writes may show one.
  const allowed = publishedPhones(pack);
  const html = templates.render(name, maskPublicData(data, allowed));
  assertMasked(html, allowed, name);
  return html;
}
