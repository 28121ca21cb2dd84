/// Pure line of sight over a k-earth: a cell is served when the straight line from the antenna
/// to a receiver `rxHeightM` above the cell's ground clears every terrain sample in between.
///
/// With the earth flattened, z(d) = h(d) − d²/(2ka) (heights relative to a plane tangent at the
/// tower), sight lines are straight in (d, z), and the horizon seen from the antenna along a
/// ray is the largest elevation slope (z_j − z_tx)/d_j of its samples so far. A receiver is
/// visible when its own slope is at least the horizon's. ``LineOfSightColumnPlan`` keeps the
/// horizons; this type holds the tower's constants and the arithmetic. Value of a visible cell:
/// −distance in metres (nearer is better).
public struct LineOfSightModel: TowerCellModel {
    public let txAltitudeM: Double
    public let rxHeightM: Double
    public let curvaturePerM: Double

    public init(site: GridSite, settings: SweepSettings) {
        txAltitudeM = site.antennaAltitudeM
        rxHeightM = settings.rxHeightM
        curvaturePerM = settings.curvaturePerM
    }

    /// Whether a receiver above `groundM` at `distanceM` clears a horizon of elevation slope
    /// `horizonSlope` (false for nan ground).
    @inlinable
    public func isVisible(groundM: Double, distanceM: Double, horizonSlope: Double) -> Bool {
        let z = groundM + rxHeightM - distanceM * distanceM * curvaturePerM
        return (z - txAltitudeM) >= horizonSlope * distanceM
    }

    /// The elevation slope of terrain `heightM` at `distanceM` (1/distance given) seen from the
    /// antenna, over the k-earth (nan for nan height, which then never raises a horizon).
    @inlinable
    public func elevationSlope(heightM: Double, distanceM: Double, inverseDistance: Double) -> Double {
        (heightM - distanceM * distanceM * curvaturePerM - txAltitudeM) * inverseDistance
    }

    /// The value of a visible cell: nearer is better.
    @inlinable
    public static func visibleValue(distanceM: Double) -> Float { Float(-distanceM) }

    @inlinable public func ownCellValue(groundM: Double) -> Float { 0 }
}
