/// Pure line of sight over a k-earth: a cell is served when the straight line from the antenna
/// to a receiver `rxHeightM` above the cell's ground clears every terrain sample in between.
///
/// With the earth flattened, z(d) = h(d) − d²/(2ka) (heights relative to a plane tangent at the
/// tower), sight lines are straight in (d, z), and the horizon seen from the antenna along a
/// ray is the largest elevation slope (z_j − z_tx)/d_j of its samples so far. A receiver is
/// visible when its own slope is at least the horizon's. ``LineOfSightColumnPlan`` keeps the
/// horizons; this type holds the tower's constants and the arithmetic. Every visible cell has
/// the value 0 (``visibleValue``).
public struct LineOfSightModel: TowerCellModel {
    public let txAltitudeM: Double
    public let rxHeightM: Double
    /// The k-earth drop per cell² of squared distance: 1/(2ka) (``SweepSettings/curvaturePerM``)
    /// times the cell size squared.
    public let curvaturePerCell2: Double

    public init(site: GridSite, settings: SweepSettings, cellSizeM: Double) {
        txAltitudeM = site.antennaAltitudeM
        rxHeightM = settings.rxHeightM
        curvaturePerCell2 = settings.curvaturePerM * cellSizeM * cellSizeM
    }

    /// Height of terrain `heightM` over the k-earth, relative to the antenna: z − h_tx with the
    /// earth flattened, at a distance whose square is `distanceCells2` cells² (nan for nan).
    @inlinable
    public func flatHeight(heightM: Double, distanceCells2: Double) -> Double {
        heightM - distanceCells2 * curvaturePerCell2 - txAltitudeM
    }

    /// Whether a receiver above a cell of flattened height `flatHeightM` (``flatHeight``) at
    /// a distance whose square is `distanceM2` clears a horizon of elevation slope
    /// `horizonSlope`: A = z + h_rx ≥ H·d. As x·|x| increases with x, that is A·|A| ≥
    /// H·|H|·d², which needs no square root (false for nan).
    @inlinable
    public func isVisible(flatHeightM: Double, distanceM2: Double, horizonSlope: Double) -> Bool {
        let clearance = flatHeightM + rxHeightM
        return clearance * clearance.magnitude >= horizonSlope * horizonSlope.magnitude * distanceM2
    }

    /// The value of every visible cell, the tower's own included: the best line-of-sight
    /// server is the nearest visible one, chosen by exact cell distance, not by value.
    public static let visibleValue: Float = 0

    @inlinable public func ownCellValue(groundM: Double) -> Float { Self.visibleValue }
}
