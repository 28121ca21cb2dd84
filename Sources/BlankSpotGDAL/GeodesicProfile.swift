import CGDAL
import CPROJ
import BlankSpotCore
import Foundation

/// Terrain heights along the geodesic between two points (WGS 84 ellipsoid, PROJ's geodesic
/// routines), sampled from the DEMs by bilinear interpolation.
public struct GeodesicProfile: Sendable {
    /// Distance of each sample from the first point, m (equal steps).
    public var distancesM: [Double]
    /// Terrain height at each sample, m (from the first DEM that has data there).
    public var heightsM: [Double]
    public var lonDeg: [Double]
    public var latDeg: [Double]
    /// Forward azimuth at the start, degrees clockwise from north.
    public var azimuthDeg: Double
    public var lengthM: Double { distancesM.last ?? 0 }

    /// Samples the path from `from` to `to` every `spacingM` metres or less (the DEMs' native
    /// cell size when nil).
    /// - Throws: ``InputError`` when a sample falls outside every DEM or on nodata.
    public static func extract(dems: DEMSet, fromLonDeg lon1: Double, latDeg lat1: Double, toLonDeg lon2: Double,
                               latDeg lat2: Double, spacingM: Double? = nil) throws -> GeodesicProfile {
        var geod = geod_geodesic()
        geod_init(&geod, 6_378_137, 1 / 298.257223563)
        var line = geod_geodesicline()
        geod_inverseline(&line, &geod, lat1, lon1, lat2, lon2, 0)
        let length = line.s13
        guard length > 0 else { throw UsageError("the two points coincide; a profile needs two distinct points") }
        let step = spacingM ?? dems.sources.map { $0.nativeCellSizeM() }.min()!
        let intervals = max(2, Int((length / step).rounded(.up)))
        var lats: [Double] = [], lons: [Double] = [], dists: [Double] = []
        for i in 0...intervals {
            let s = length * Double(i) / Double(intervals)
            var lat = 0.0, lon = 0.0
            geod_position(&line, s, &lat, &lon, nil)
            lats.append(lat)
            lons.append(lon)
            dists.append(s)
        }
        var heights = [Double](repeating: .nan, count: lats.count)
        for source in dems.sources {
            let missing = heights.indices.filter { heights[$0].isNaN }
            if missing.isEmpty { break }
            let sampled = try source.sample(lonDeg: missing.map { lons[$0] }, latDeg: missing.map { lats[$0] })
            for (k, i) in missing.enumerated() { heights[i] = sampled[k] }
        }
        if let bad = heights.firstIndex(where: { $0.isNaN }) {
            throw InputError(file: dems.paths.joined(separator: ", "), message: String(format: "the profile leaves the terrain (no height) %.2f km from the first point, at %.5f, %.5f", dists[bad] / 1000, lons[bad], lats[bad]))
        }
        return GeodesicProfile(distancesM: dists, heightsM: heights, lonDeg: lons, latDeg: lats, azimuthDeg: line.azi1)
    }
}

extension DEMSource {
    /// Bilinear heights at WGS 84 points (nan outside the DEM or next to nodata).
    func sample(lonDeg: [Double], latDeg: [Double]) throws -> [Double] {
        let t = try CoordinateTransform(from: SpatialReference.wgs84(), to: reference)
        var xs = lonDeg, ys = latDeg
        let ok = t.transform(xs: &xs, ys: &ys)
        let gt = geoTransform
        // Pixel-centre coordinates of each point.
        let px = xs.map { ($0 - gt[0]) / gt[1] - 0.5 }, py = ys.map { ($0 - gt[3]) / gt[5] - 0.5 }
        let valid = px.indices.filter { ok[$0] && px[$0] >= 0 && py[$0] >= 0 && px[$0] <= Double(width - 1) && py[$0] <= Double(height - 1) }
        var out = [Double](repeating: .nan, count: xs.count)
        guard !valid.isEmpty else { return out }
        let c0 = Int(valid.map { px[$0] }.min()!.rounded(.down)), c1 = min(width - 1, Int(valid.map { px[$0] }.max()!.rounded(.down)) + 1)
        let r0 = Int(valid.map { py[$0] }.min()!.rounded(.down)), r1 = min(height - 1, Int(valid.map { py[$0] }.max()!.rounded(.down)) + 1)
        let w = c1 - c0 + 1, h = r1 - r0 + 1
        var window = [Float](repeating: 0, count: w * h)
        let band = GDALGetRasterBand(dataset.handle, 1)
        let err = window.withUnsafeMutableBytes {
            GDALRasterIO(band, GF_Read, Int32(c0), Int32(r0), Int32(w), Int32(h), $0.baseAddress, Int32(w), Int32(h), GDT_Float32, 0, 0)
        }
        guard err == CE_None else { throw GDALRuntime.failure("read heights for the profile", path: userPath) }
        let nd = nodata.map { Float($0) }
        func at(_ c: Int, _ r: Int) -> Double {
            let v = window[(r - r0) * w + (c - c0)]
            return v == nd ? .nan : Double(v)
        }
        for i in valid {
            let cx = Int(px[i].rounded(.down)), ry = Int(py[i].rounded(.down))
            let fx = px[i] - Double(cx), fy = py[i] - Double(ry)
            let cx1 = min(cx + 1, c1), ry1 = min(ry + 1, r1)
            let top = at(cx, ry) * (1 - fx) + at(cx1, ry) * fx
            let bottom = at(cx, ry1) * (1 - fx) + at(cx1, ry1) * fx
            out[i] = top * (1 - fy) + bottom * fy
        }
        return out
    }
}
