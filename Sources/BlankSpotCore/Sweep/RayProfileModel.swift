/// What every per-tower model gives the engine, however its sweep runs.
public protocol TowerCellModel {
    /// The value for the tower's own cell.
    func ownCellValue(groundM: Double) -> Float
    /// How far this tower can possibly serve, m: beyond it even the model's smallest possible
    /// loss (free space, less any focusing the model allows) leaves the signal below the
    /// tower's threshold. The sweep stops its rays there and leaves the cells beyond
    /// unevaluated, i.e. −∞; the automatic reach (``AutomaticReach``) takes it as proof that
    /// nothing farther is served. `.infinity` = no such bound.
    var reachM: Double { get }
    /// Whether the model can prove a ray spent (``RayProfileModel/isSpent(beyondM:)``); the
    /// automatic reach falls back on its margin rule for models that cannot.
    var provesReach: Bool { get }
}

extension TowerCellModel {
    public var reachM: Double { .infinity }
    public var provesReach: Bool { false }
}

/// What a radio model sees while the sweep walks one ray outwards from a tower.
///
/// The sweep calls, for each major step i = 1, 2, …: ``receiverValue(groundM:distanceM:dCol:dRow:)``
/// for every cell the ray owns at that step (the profile then holds the samples of steps < i,
/// i.e. the terrain strictly between the tower and the cell), then
/// ``addSample(heightM:distanceM:inverseDistance:)`` with the ray's own terrain sample at step i.
/// Implementations keep whatever running state they need (horizons, hulls, prefix sums) and
/// must not allocate per call.
public protocol RayProfileModel: TowerCellModel {
    /// How many profile points next to the receiver the sweep takes from the exact grid line to
    /// each receiver cell rather than from the ray (see ``NearProfile``); 0 = none.
    static var exactNearSamples: Int { get }
    /// Starts a new ray; samples will come `stepM` metres apart.
    mutating func beginRay(stepM: Double)
    /// The value written for a receiver cell: higher is better, `-Float.infinity` = no service.
    /// - Parameters:
    ///   - groundM: terrain height of the receiver's cell (never nan).
    ///   - distanceM: horizontal distance from the tower's cell centre to the cell's centre.
    ///   - dCol, dRow: the cell's offset from the tower's cell (row grows southwards).
    ///   - near: with `exactNearSamples` = K > 0, the last min(K, i − 1) points before the
    ///     receiver on the exact line to it; the model must then leave its own last K ray samples
    ///     out of this evaluation.
    ///   - irrelevantBelow: values below this change nothing (they neither serve nor beat the
    ///     best value already merged there); a model may return −∞ instead of computing such a
    ///     value exactly, provided it has proved the value is below. −∞ = no such knowledge.
    func receiverValue(groundM: Double, distanceM: Double, dCol: Int, dRow: Int, near: NearProfile,
                       irrelevantBelow: Float) -> Float
    /// Whether the value at a receiver cell is sure to be below `irrelevantBelow` (> −∞) from
    /// the ray's state alone, before the sweep samples the cell's near points: it then writes
    /// −∞ there without calling ``receiverValue(groundM:distanceM:dCol:dRow:near:irrelevantBelow:)``.
    /// The parameters are those of that call, except that of the near points only their extent
    /// is known: they will lie from `nearFromM` to `nearToM` from the tower (`nearCount` of
    /// them). A model that answers true must have proved it for any terrain heights there.
    func isSurelyBelow(_ irrelevantBelow: Float, groundM: Double, distanceM: Double, dCol: Int, dRow: Int,
                       nearFromM: Double, nearToM: Double, nearCount: Int) -> Bool
    /// Appends the terrain sample at `distanceM` (nan = no data there); `inverseDistance` is
    /// 1/distanceM, precomputed by the sweep.
    mutating func addSample(heightM: Double, distanceM: Double, inverseDistance: Double)
    /// As ``addSample(heightM:distanceM:inverseDistance:)`` with the clutter surface (terrain +
    /// representative clutter height R) at the same place, on runs with clutter.
    mutating func addSample(heightM: Double, surfaceM: Double, distanceM: Double, inverseDistance: Double)
    /// Whether the model reads the radio-climatic zone under each ray sample
    /// (``addSampleZone(cell:)``).
    var readsZones: Bool { get }
    /// Tells the model the grid cell nearest the sample just added (after each
    /// ``addSample(heightM:distanceM:inverseDistance:)``); called only when ``readsZones``.
    mutating func addSampleZone(cell: Int)
    /// Tells the model the direction of the ray just begun (grid offsets, row southwards),
    /// before its first sample; called only when ``provesReach``.
    mutating func aim(dCol: Double, dRow: Double)
    /// Whether no receiver this ray owns at `beyondM` or farther can be served, from the
    /// committed samples and what lies ahead; a model that answers true must have proved it.
    func isSpent(beyondM: Double) -> Bool
}

extension RayProfileModel {
    public static var exactNearSamples: Int { 0 }
    /// Models that see no clutter between the terminals take the terrain alone.
    @inline(__always)
    public mutating func addSample(heightM: Double, surfaceM: Double, distanceM: Double, inverseDistance: Double) {
        addSample(heightM: heightM, distanceM: distanceM, inverseDistance: inverseDistance)
    }
    public mutating func aim(dCol: Double, dRow: Double) {}
    public var readsZones: Bool { false }
    public mutating func addSampleZone(cell: Int) {}
    public func isSpent(beyondM: Double) -> Bool { false }
    @inline(__always)
    public func isSurelyBelow(_ irrelevantBelow: Float, groundM: Double, distanceM: Double, dCol: Int, dRow: Int,
                              nearFromM: Double, nearToM: Double, nearCount: Int) -> Bool { false }
}
