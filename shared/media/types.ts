/** Decimal degrees, WGS 84 (the resource `metadata.geolocation` structure). */
export interface Geolocation {
  latitude: number;
  longitude: number;
}

/**
 * The resource `metadata.dimensions` structure: the pixel grid as stored, plus the EXIF
 * orientation (1-8) a viewer applies to it. Video rotation is expressed the same way
 * (90° clockwise = 6, 180° = 3, 270° = 8).
 */
export interface Dimensions {
  width: number;
  height: number;
  orientation: number;
}
