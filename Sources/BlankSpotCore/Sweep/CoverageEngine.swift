/// Runs the radial sweep for every tower and combines the footprints.
///
/// Parallelism (`DispatchQueue.concurrentPerform` through ``ParallelLoop``): with at least two
/// towers per thread, whole towers are the work items; with fewer, each tower's rays are split
/// into chunks that run in parallel (rays own disjoint cells, see ``RayFan``). Either way every
/// cell value is computed by one ray in one fixed way, and the merge is order-free, so the
/// output is the same for any thread count.
public enum CoverageEngine {
    /// Rays per work item when one tower's rays are shared between threads.
    static let raysPerChunk = 64

    /// Sweeps all `sites` with a model made per site by `makeModel`.
    /// - Parameters:
    ///   - servingThreshold: a value at or above it counts the tower in `serverCount`.
    ///   - threads: threads to use (≥ 1).
    public static func run<M: RayProfileModel>(
        terrain: TerrainRaster, sites: [GridSite], settings: SweepSettings, threads: Int,
        servingThreshold: Float, makeModel: (GridSite) -> M
    ) -> CoverageGrids {
        let sweep = RadialSweep(terrain: terrain, settings: settings)
        let accumulator = CoverageAccumulator(grid: terrain.grid, servingThreshold: servingThreshold)
        let side = 2 * sweep.fan.radiusCells + 1
        let threads = max(1, threads)
        if sites.count >= 2 * threads {
            let scratch = (0..<threads).map { _ in FootprintScratch(capacity: side * side) }
            ParallelLoop.run(count: sites.count, threads: threads) { i, worker in
                let site = sites[i]
                let footprint = scratch[worker].footprint(site: site, radiusCells: sweep.fan.radiusCells, grid: terrain.grid)
                let model = makeModel(site)
                sweep.sweepOwnCell(site: site, model: model, into: footprint)
                sweep.sweep(site: site, rays: 0..<sweep.fan.rayCount, model: model, into: footprint)
                accumulator.merge(footprint, towerIndex: site.index)
            }
        } else {
            let scratch = FootprintScratch(capacity: side * side)
            let rayCount = sweep.fan.rayCount
            let chunks = (rayCount + raysPerChunk - 1) / raysPerChunk
            for site in sites {
                let footprint = scratch.footprint(site: site, radiusCells: sweep.fan.radiusCells, grid: terrain.grid)
                let model = makeModel(site)
                sweep.sweepOwnCell(site: site, model: model, into: footprint)
                ParallelLoop.run(count: chunks, threads: threads) { chunk, _ in
                    let start = chunk * raysPerChunk
                    sweep.sweep(site: site, rays: start..<min(rayCount, start + raysPerChunk),
                                model: model, into: footprint)
                }
                accumulator.merge(footprint, towerIndex: site.index)
            }
        }
        return accumulator.result()
    }
}
