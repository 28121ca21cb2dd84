/// How the engine sweeps one tower: `itemCount` work items that run in any order, on any
/// threads (each writes only the cells it owns).
protocol TowerSweepPlan: Sendable {
    associatedtype Model: TowerCellModel
    var sweep: RadialSweep { get }
    var itemCount: Int { get }
    /// Sweeps work item `item` of the tower into `sink`; returns how far it found the tower
    /// serving, and whether a ray of it reached the edge of the disc unproven.
    func run<S: CellSink>(item: Int, site: GridSite, model: Model, sink: S) -> SweepExtent
    /// Whether many towers should still go one at a time, each tower's items in parallel and
    /// merged straight into the result, rather than whole towers in parallel through footprint
    /// buffers (which cost a reset and a merge pass over the tower's square).
    static var sweepsTowersOneAtATime: Bool { get }
}

/// What a sweep, or part of one, found about a tower's extent.
struct SweepExtent: Sendable, Equatable {
    /// The largest squared distance, in cells², of a cell found served (or visible), −1 when none.
    var farthestServedD2: Int
    /// Whether a ray reached the edge of its disc without the model proving that nothing
    /// beyond could be served (always true for models without such a proof).
    var hasOpenRay: Bool

    static let nothing = SweepExtent(farthestServedD2: -1, hasOpenRay: false)

    mutating func merge(_ other: SweepExtent) {
        farthestServedD2 = max(farthestServedD2, other.farthestServedD2)
        hasOpenRay = hasOpenRay || other.hasOpenRay
    }
}

extension TowerSweepPlan {
    static var sweepsTowersOneAtATime: Bool { false }
}

/// Every ray of the plain ``RayFan`` from the tower out, in chunks.
struct RayChunkPlan<M: RayProfileModel>: TowerSweepPlan {
    /// Rays per work item when one tower's rays are shared between threads.
    static var raysPerChunk: Int { 32 }
    let sweep: RadialSweep

    var itemCount: Int { (sweep.fan.rayCount + Self.raysPerChunk - 1) / Self.raysPerChunk }

    func run<S: CellSink>(item: Int, site: GridSite, model: M, sink: S) -> SweepExtent {
        let start = item * Self.raysPerChunk
        return sweep.sweep(site: site, rays: start..<min(sweep.fan.rayCount, start + Self.raysPerChunk), model: model, into: sink)
    }
}
