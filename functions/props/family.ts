import { defineFamily, jsonRpcByName } from '../../shared/registry/define.js';
import { propEvents } from './events.js';
import { createProp, deleteProp, updateProp } from './operations/admin.js';
import { changePropContent, changeResourcePosition, getPropContent } from './operations/content.js';
import { getPropModel, listProps } from './operations/model.js';

/** Every prop operation is a JSON-RPC POST at `/jsonRpc/{name}`. */
export const propsFamily = defineFamily('props', {
  description: 'Prop API (seed 001): props standing in rooms and the ordered content they show, and their administration (extension)',
  defaults: { bindings: jsonRpcByName('/jsonRpc/') },
  operations: [getPropModel, getPropContent, changePropContent, changeResourcePosition, updateProp, createProp, deleteProp, listProps],
  events: Object.values(propEvents),
});
