/** Cloud Storage paths of the profile pictures of users and rooms (one object per owner). */
export const userPicturePath = (userId: string): string => `pictures/users/${userId}`;
export const roomPicturePath = (roomId: string): string => `pictures/rooms/${roomId}`;
