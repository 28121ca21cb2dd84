/// A rectangle in a projected CRS, metres.
public struct ProjectedExtent: Sendable, Equatable, Codable {
    public var minXM: Double
    public var minYM: Double
    public var maxXM: Double
    public var maxYM: Double

    public init(minXM: Double, minYM: Double, maxXM: Double, maxYM: Double) {
        self.minXM = minXM
        self.minYM = minYM
        self.maxXM = maxXM
        self.maxYM = maxYM
    }

    /// The smallest extent holding every point, each grown by `marginM` on all sides.
    public init?(points: [(xM: Double, yM: Double)], marginM: Double) {
        guard let first = points.first else { return nil }
        var e = ProjectedExtent(minXM: first.xM, minYM: first.yM, maxXM: first.xM, maxYM: first.yM)
        for p in points.dropFirst() {
            e.minXM = min(e.minXM, p.xM)
            e.maxXM = max(e.maxXM, p.xM)
            e.minYM = min(e.minYM, p.yM)
            e.maxYM = max(e.maxYM, p.yM)
        }
        self = e.grown(by: marginM)
    }

    public func grown(by marginM: Double) -> ProjectedExtent {
        ProjectedExtent(minXM: minXM - marginM, minYM: minYM - marginM, maxXM: maxXM + marginM, maxYM: maxYM + marginM)
    }

    public func intersection(_ other: ProjectedExtent) -> ProjectedExtent? {
        let e = ProjectedExtent(minXM: max(minXM, other.minXM), minYM: max(minYM, other.minYM),
                                maxXM: min(maxXM, other.maxXM), maxYM: min(maxYM, other.maxYM))
        return e.minXM < e.maxXM && e.minYM < e.maxYM ? e : nil
    }

    public func union(_ other: ProjectedExtent) -> ProjectedExtent {
        ProjectedExtent(minXM: min(minXM, other.minXM), minYM: min(minYM, other.minYM),
                        maxXM: max(maxXM, other.maxXM), maxYM: max(maxYM, other.maxYM))
    }

    public var widthM: Double { maxXM - minXM }
    public var heightM: Double { maxYM - minYM }
}

/// Chooses the analysis grid: CRS defaults and cell alignment.
public enum AnalysisGridPlanner {
    /// EPSG code of the WGS 84 / UTM zone containing a point: 326zz north of the equator,
    /// 327zz south, zz = ⌊(lon + 180)/6⌋ + 1 (the regular 6° zones; the Norway/Svalbard
    /// exceptions are not applied).
    public static func utmEPSG(lonDeg: Double, latDeg: Double) -> Int {
        let zone = min(60, max(1, Int(((lonDeg + 180) / 6).rounded(.down)) + 1))
        return (latDeg >= 0 ? 32600 : 32700) + zone
    }

    /// A grid of `cellSizeM` cells covering `extent`, its edges on multiples of the cell size
    /// (so runs over overlapping areas share cell boundaries).
    public static func alignedGrid(covering extent: ProjectedExtent, cellSizeM: Double, crsWKT: String) -> GridGeometry {
        let minX = (extent.minXM / cellSizeM).rounded(.down) * cellSizeM
        let maxX = (extent.maxXM / cellSizeM).rounded(.up) * cellSizeM
        let minY = (extent.minYM / cellSizeM).rounded(.down) * cellSizeM
        let maxY = (extent.maxYM / cellSizeM).rounded(.up) * cellSizeM
        return GridGeometry(originXM: minX, originYM: maxY, cellSizeM: cellSizeM,
                            width: max(1, Int(((maxX - minX) / cellSizeM).rounded())),
                            height: max(1, Int(((maxY - minY) / cellSizeM).rounded())), crsWKT: crsWKT)
    }

    /// Ground distance of one degree of latitude and of longitude at `latDeg` on the WGS 84
    /// ellipsoid (series for the meridian and parallel arc lengths), metres.
    public static func metresPerDegree(latDeg: Double) -> (lat: Double, lon: Double) {
        let phi = latDeg * .pi / 180
        let lat = 111_132.954 - 559.822 * cos(2 * phi) + 1.175 * cos(4 * phi)
        let lon = 111_412.84 * cos(phi) - 93.5 * cos(3 * phi) + 0.118 * cos(5 * phi)
        return (lat, lon)
    }

    /// The native cell size of a DEM in metres: the geometric mean of its x and y spacing
    /// (which keeps the number of cells), rounded to the centimetre. For a geographic DEM the
    /// spacings are converted at `latDeg`.
    public static func nativeCellSizeM(xSpacing: Double, ySpacing: Double, geographic: Bool, latDeg: Double) -> Double {
        var dx = abs(xSpacing), dy = abs(ySpacing)
        if geographic {
            let m = metresPerDegree(latDeg: latDeg)
            dx *= m.lon
            dy *= m.lat
        }
        return ((dx * dy).squareRoot() * 100).rounded() / 100
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
