/** seed 001's permission for changing a prop and its content: the owners of the prop's room */
export const MANAGE = 'prop.manage /networkId/roomId/propId (owners of the room)';
export const READ = 'membership of the room';
