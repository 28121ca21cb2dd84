/// How the engine sweeps one tower: `phaseItemCounts.count` phases run one after the other,
/// and the items of a phase run in any order, on any threads (each writes only the cells its
/// rays own, and its own slots of the scratch).
protocol TowerSweepPlan: Sendable {
    associatedtype Model: TowerCellModel
    /// What a tower's phases hand on to the next (one per worker when towers run in parallel).
    associatedtype Scratch: Sendable
    var sweep: RadialSweep { get }
    func makeScratch() -> Scratch
    var phaseItemCounts: [Int] { get }
    func run<S: CellSink>(phase: Int, item: Int, site: GridSite, model: Model, scratch: Scratch, sink: S)
}

/// Every ray of the plain ``RayFan`` from the tower out, in chunks: one phase.
struct RayChunkPlan<M: RayProfileModel>: TowerSweepPlan {
    /// Rays per work item when one tower's rays are shared between threads.
    static var raysPerChunk: Int { 32 }
    let sweep: RadialSweep

    func makeScratch() {}

    var phaseItemCounts: [Int] { [(sweep.fan.rayCount + Self.raysPerChunk - 1) / Self.raysPerChunk] }

    func run<S: CellSink>(phase: Int, item: Int, site: GridSite, model: M, scratch: Void, sink: S) {
        let start = item * Self.raysPerChunk
        sweep.sweep(site: site, rays: start..<min(sweep.fan.rayCount, start + Self.raysPerChunk), model: model, into: sink)
    }
}
