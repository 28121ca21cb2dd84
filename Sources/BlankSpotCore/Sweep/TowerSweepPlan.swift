/// How the engine sweeps one tower: `itemCount` work items that run in any order, on any
/// threads (each writes only the cells it owns).
protocol TowerSweepPlan: Sendable {
    associatedtype Model: TowerCellModel
    var sweep: RadialSweep { get }
    var itemCount: Int { get }
    /// Sweeps work item `item` of the tower into `sink`; returns the largest squared distance,
    /// in cells², of a cell the item found served (or visible), −1 when none.
    func run<S: CellSink>(item: Int, site: GridSite, model: Model, sink: S) -> Int
    /// Whether many towers should still go one at a time, each tower's items in parallel and
    /// merged straight into the result, rather than whole towers in parallel through footprint
    /// buffers (which cost a reset and a merge pass over the tower's square).
    static var sweepsTowersOneAtATime: Bool { get }
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

    func run<S: CellSink>(item: Int, site: GridSite, model: M, sink: S) -> Int {
        let start = item * Self.raysPerChunk
        return sweep.sweep(site: site, rays: start..<min(sweep.fan.rayCount, start + Self.raysPerChunk), model: model, into: sink)
    }
}
