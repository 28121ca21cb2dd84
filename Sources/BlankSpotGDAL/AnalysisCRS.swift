import CGDAL
import BlankSpotCore

/// The metric CRS of a run, and projection of WGS 84 longitude/latitude into it.
public final class AnalysisCRS: @unchecked Sendable {
    let reference: SpatialReference
    private let fromWGS84: CoordinateTransform
    private let toWGS84: CoordinateTransform

    /// From the user's `--crs` text; must be a projected CRS in a linear unit.
    public convenience init(userInput: String) throws {
        let srs = try SpatialReference(userInput: userInput)
        guard srs.isProjected else {
            throw UsageError("--crs \(userInput) is \(srs.label), a geographic CRS; the analysis grid needs a projected CRS in metres, e.g. a UTM zone (EPSG:32750)")
        }
        // Web Mercator's metres are not ground metres: at 7° S they are 0.8 % long, at 44° N
        // 39 % long, so cell sizes, distances and path losses would all be wrong.
        if srs.label.contains("Pseudo-Mercator") || srs.label.contains("EPSG:3857") || srs.label.contains("Popular Visualisation") {
            throw UsageError("--crs \(userInput) is \(srs.label), whose metres are not ground metres away from the equator; expected a conformal CRS in true metres, e.g. the UTM zone of the area (the default)")
        }
        try self.init(reference: srs)
    }

    /// The WGS 84 / UTM zone of a point (``AnalysisGridPlanner/utmEPSG(lonDeg:latDeg:)``).
    public convenience init(utmZoneOfLonDeg lon: Double, latDeg lat: Double) throws {
        try self.init(userInput: "EPSG:\(AnalysisGridPlanner.utmEPSG(lonDeg: lon, latDeg: lat))")
    }

    init(reference: SpatialReference) throws {
        self.reference = reference
        let wgs84 = SpatialReference.wgs84()
        fromWGS84 = try CoordinateTransform(from: wgs84, to: reference)
        toWGS84 = try CoordinateTransform(from: reference, to: wgs84)
    }

    public var wkt: String { reference.wkt }
    /// Name and EPSG code, e.g. "WGS 84 / UTM zone 50S (EPSG:32750)".
    public var label: String { reference.label }
    public var metresPerUnit: Double { reference.linearUnitsM }

    /// Projects longitude/latitude (degrees, WGS 84); nil for a point that cannot be projected.
    public func project(lonLat: [(lonDeg: Double, latDeg: Double)]) -> [(xM: Double, yM: Double)?] {
        var xs = lonLat.map(\.lonDeg), ys = lonLat.map(\.latDeg)
        let ok = fromWGS84.transform(xs: &xs, ys: &ys)
        return ok.indices.map { ok[$0] && xs[$0].isFinite && ys[$0].isFinite ? (xs[$0], ys[$0]) : nil }
    }

    /// Back to longitude/latitude (degrees, WGS 84).
    public func unproject(points: [(xM: Double, yM: Double)]) -> [(lonDeg: Double, latDeg: Double)?] {
        var xs = points.map(\.xM), ys = points.map(\.yM)
        let ok = toWGS84.transform(xs: &xs, ys: &ys)
        return ok.indices.map { ok[$0] ? (xs[$0], ys[$0]) : nil }
    }
}
