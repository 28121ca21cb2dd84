/// Geometry shared by every tower of a coverage run.
public struct SweepSettings: Sendable, Equatable, Codable {
    /// Farthest distance from a tower that is evaluated, metres.
    public var radiusM: Double
    /// Receiver antenna above ground, metres (1.5 m: a handset at head height).
    public var rxHeightM: Double
    /// Effective-earth-radius factor k. 4/3 is the median for the standard atmosphere
    /// (ITU-R P.310, P.834); `gdal_viewshed -cc c` corresponds to k = 1/c.
    public var kFactor: Double
    /// Mean earth radius a, metres (6,371 km as in ITU-R P.1812 eq. 7a and P.526).
    public var earthRadiusM: Double
    /// Rays per perimeter cell (``RayFan/subdivision``): 1 puts every cell within half a cell
    /// of its ray, 2 within a quarter, at twice the ray cost. nil = the model's default
    /// (``CoverageModel/defaultRaySubdivision``).
    public var raySubdivision: Int?

    public static let defaultEarthRadiusM = 6_371_000.0

    public init(radiusM: Double, rxHeightM: Double = 1.5, kFactor: Double = 4.0 / 3.0,
                earthRadiusM: Double = SweepSettings.defaultEarthRadiusM, raySubdivision: Int? = nil) {
        self.radiusM = radiusM
        self.rxHeightM = rxHeightM
        self.kFactor = kFactor
        self.earthRadiusM = earthRadiusM
        self.raySubdivision = raySubdivision
    }

    /// 1 / (2·k·a): the earth bulge at distance d is d² times this (metres⁻¹).
    public var curvaturePerM: Double { 1 / (2 * kFactor * earthRadiusM) }

    /// Checks the values a user can give.
    public func validate() throws {
        guard radiusM.isFinite, radiusM > 0 else {
            throw UsageError("--radius-km must be greater than 0, got \(radiusM / 1000)")
        }
        guard rxHeightM.isFinite, rxHeightM >= 0 else {
            throw UsageError("--rx-height-m must be 0 or more, got \(rxHeightM)")
        }
        guard kFactor.isFinite, kFactor > 0 else {
            throw UsageError("--k-factor must be greater than 0, got \(kFactor)")
        }
    }
}

/// A tower placed on the analysis grid.
///
/// The sweep starts its rays at the centre of the cell containing the tower (at most half a
/// cell from the given position: 15 m at 30 m cells, far below the uncertainty of crowd-sourced
/// tower positions). `groundM` is that cell's terrain height.
public struct GridSite: Sendable, Equatable {
    /// Row of the tower in the towers table as used (0-based); the value in best_server.tif.
    public var index: Int
    public var col: Int
    public var row: Int
    /// Terrain height of the tower's cell, metres above the geoid.
    public var groundM: Double
    public var tower: Tower
    /// Projected position as given, metres in the grid's CRS.
    public var xM: Double
    public var yM: Double

    public init(index: Int, col: Int, row: Int, groundM: Double, tower: Tower, xM: Double, yM: Double) {
        self.index = index
        self.col = col
        self.row = row
        self.groundM = groundM
        self.tower = tower
        self.xM = xM
        self.yM = yM
    }

    /// Antenna height above the geoid.
    public var antennaAltitudeM: Double { groundM + tower.heightM }
}
