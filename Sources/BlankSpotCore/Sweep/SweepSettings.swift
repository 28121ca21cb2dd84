/// Geometry shared by every tower of a coverage run.
public struct SweepSettings: Sendable, Equatable, Codable {
    /// Farthest distance from a tower that is evaluated, metres: the fixed radius, or with
    /// ``automaticReach`` the hard cap of the automatic reach.
    public var radiusM: Double
    /// nil: every tower is evaluated to ``radiusM``. Otherwise each tower is evaluated as far
    /// as ``AutomaticReach`` finds it can serve, up to ``radiusM``.
    public var automaticReach: AutomaticReach?
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
                earthRadiusM: Double = SweepSettings.defaultEarthRadiusM, raySubdivision: Int? = nil,
                automaticReach: AutomaticReach? = nil) {
        self.radiusM = radiusM
        self.automaticReach = automaticReach
        self.rxHeightM = rxHeightM
        self.kFactor = kFactor
        self.earthRadiusM = earthRadiusM
        self.raySubdivision = raySubdivision
    }

    /// The largest radius any tower can be evaluated to, metres (the cap times the check's
    /// scale with the automatic reach).
    public var outermostRadiusM: Double { radiusM * (automaticReach?.scale ?? 1) }

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

/// How far each tower is evaluated when no fixed radius is given (`--radius-km auto`).
///
/// Each tower is swept to `startM`, then to twice that (four times with a proof), and so on up
/// to the cap (``SweepSettings/radiusM``), until one of two things holds:
/// - **proof**: the radius reaches the model's ``TowerCellModel/reachM``, beyond which even
///   its smallest possible loss leaves the signal below the threshold, or the model proved
///   every ray spent before the radius (``RayProfileModel/isSpent(beyondM:)``: P.1812 at
///   50 % of time);
/// - **margin**, for models without a proof: the tower serves no cell in the outer
///   `emptyOuterShare` of the radius, so its coverage has ended with a band of at least that
///   width to spare.
/// A tower that meets neither at the cap is reported as cut there. Only the last sweep of a
/// tower is kept, so the result is that of one sweep at the accepted radius, and it does not
/// depend on the thread count.
public struct AutomaticReach: Sendable, Equatable, Codable {
    /// The first radius tried, metres.
    public var startM: Double
    /// The share of the radius, at its outer edge, that must hold no served cell.
    public var emptyOuterShare: Double
    /// The accepted radius is multiplied by this before the kept sweep: 1 normally, 2 for the
    /// convergence check (every tower evaluated to twice its reach, the cap doubled too).
    public var scale: Double

    public static let defaultStartM = 8_000.0
    public static let defaultEmptyOuterShare = 0.25
    /// The default hard cap, metres.
    public static let defaultCapM = 150_000.0

    public init(startM: Double = AutomaticReach.defaultStartM, emptyOuterShare: Double = AutomaticReach.defaultEmptyOuterShare,
                scale: Double = 1) {
        self.startM = startM
        self.emptyOuterShare = emptyOuterShare
        self.scale = scale
    }

    /// The ladder's growth for models judged by the margin: each radius twice the last.
    public static let marginGrowth = 2.0
    /// The ladder's growth for models with a proof (P.1812 at 50 % of time): rays stop where
    /// the proof says they are spent, so a larger rung costs little more than the rays' walks
    /// while every rung below the accepted one is swept in vain; growing by 4 halves the rungs.
    public static let proofGrowth = 4.0

    /// The radii tried, ascending, for a cap of `capM` metres: startM·growthᵏ below the cap,
    /// then the cap.
    public func ladderM(capM: Double, growth: Double = AutomaticReach.marginGrowth) -> [Double] {
        var radii: [Double] = []
        var r = min(startM, capM)
        while r < capM {
            radii.append(r)
            r *= growth
        }
        radii.append(capM)
        return radii
    }
}

/// How far one tower was evaluated, and why there.
public struct TowerReach: Sendable, Equatable, Codable {
    public enum Basis: String, Sendable, Codable {
        /// The run's fixed radius.
        case fixed
        /// The model's bound: nothing beyond can be served.
        case proof
        /// The outer band of the radius held no served cell.
        case margin
        /// The automatic reach's cap, with served cells in its outer band.
        case cap
    }
    /// The radius the kept sweep evaluated, metres.
    public var evaluatedM: Double
    public var basis: Basis

    public init(evaluatedM: Double, basis: Basis) {
        self.evaluatedM = evaluatedM
        self.basis = basis
    }
}

/// A tower placed on the analysis grid.
///
/// The sweep starts its rays at the centre of the cell containing the tower (at most half a
/// cell from the given position: 15 m at 30 m cells, far below the uncertainty of crowd-sourced
/// tower positions). `groundM` is that cell's terrain height.
public struct GridSite: Sendable, Equatable, Codable {
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
