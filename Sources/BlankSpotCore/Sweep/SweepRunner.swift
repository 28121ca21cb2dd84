import Synchronization

/// What the engine does with the towers' sweeps once ``CoverageEngine/dispatch`` has picked the
/// model and the plans: merge them into coverage grids (``GridMergeRunner``), or list each
/// candidate site's served cells (``ServedCellRunner``).
protocol SweepRunner {
    associatedtype Result
    var threads: Int { get }
    /// - Parameters:
    ///   - servingThreshold: a value at or above it serves (counts in `serverCount`).
    ///   - bestIsNearest: the best tower is the nearest one with a value (line of sight).
    func run<P: TowerSweepPlan>(ladder: ReachLadder<P>, sites: [GridSite], servingThreshold: Float, bestIsNearest: Bool,
                                makeModel: (GridSite) -> P.Model) -> Result
}

/// The coverage run: every tower merged into the best-value, best-tower and server-count grids.
struct GridMergeRunner: SweepRunner {
    typealias Result = CoverageGrids
    let threads: Int
    let progress: (@Sendable (Double) -> Void)?

    func run<P: TowerSweepPlan>(ladder: ReachLadder<P>, sites: [GridSite], servingThreshold: Float, bestIsNearest: Bool,
                                makeModel: (GridSite) -> P.Model) -> CoverageGrids {
        CoverageEngine.run(ladder: ladder, sites: sites, threads: threads, servingThreshold: servingThreshold,
                           bestIsNearest: bestIsNearest, progress: progress, makeModel: makeModel)
    }
}

/// Candidate sites, each swept alone as a new tower would be in a coverage run (the same
/// ladder, plans and model), keeping only the served cells that `relevant` marks.
///
/// Cells not marked are skipped (`irrelevantBelow` = +∞) when that cannot change how far the
/// site is swept: with a fixed radius, or when the model proves its reach ray by ray. Under the
/// margin rule the reach depends on the farthest served cell of any kind, so every cell is then
/// evaluated. Each site is one work item writing its own list: the lists do not depend on the
/// thread count.
struct ServedCellRunner: SweepRunner {
    typealias Result = [[Int32]]
    let relevant: UnsafeBufferPointer<UInt8>
    let threads: Int
    let progress: (@Sendable (Double) -> Void)?

    func run<P: TowerSweepPlan>(ladder: ReachLadder<P>, sites: [GridSite], servingThreshold: Float, bestIsNearest: Bool,
                                makeModel: (GridSite) -> P.Model) -> [[Int32]] {
        let grid = ladder.plans[0].sweep.terrain.grid
        // Whole sites in parallel when there are enough; else one at a time, rays in parallel.
        let oneAtATime = P.sweepsTowersOneAtATime || sites.count < 2 * threads
        let workers = oneAtATime ? 1 : threads
        let scratch = (0..<workers).map { _ in FootprintScratch(capacity: 1) }
        var lists = [[Int32]](repeating: [], count: sites.count)
        let mask = relevant
        lists.withUnsafeMutableBufferPointer { slots in
            let done = Counter()
            ParallelLoop.run(count: sites.count, threads: workers) { i, worker in
                let site = sites[i]
                let model = makeModel(site)
                let prune = ladder.rule == nil || model.provesReach
                let swept = ladder.sweep(site: site, model: model) { plan in
                    let footprint = scratch[worker].footprint(site: site, radiusCells: plan.sweep.fan.radiusCells, grid: grid)
                    let sink = CandidateSink(footprint: footprint, relevant: mask, servingThreshold: servingThreshold, prune: prune)
                    plan.sweep.sweepOwnCell(site: site, model: model, into: sink)
                    if oneAtATime {
                        return (footprint, CoverageEngine.runItems(plan, site: site, model: model, sink: sink, threads: threads))
                    }
                    var extent = SweepExtent.nothing
                    for item in 0..<plan.itemCount { extent.merge(plan.run(item: item, site: site, model: model, sink: sink)) }
                    return (footprint, extent)
                }
                slots[i] = Self.servedRelevant(swept.footprint, gridWidth: grid.width, relevant: mask, servingThreshold: servingThreshold)
                if let progress { progress(Double(done.increment()) / Double(sites.count)) }
            }
        }
        return lists
    }

    /// The footprint's cells that are marked and served, as grid indices, ascending.
    static func servedRelevant(_ f: TowerFootprint, gridWidth: Int, relevant: UnsafeBufferPointer<UInt8>, servingThreshold: Float) -> [Int32] {
        var cells: [Int32] = []
        for r in 0..<f.height {
            let base = (f.row0 + r) * gridWidth + f.col0
            for c in 0..<f.width where relevant[base + c] != 0 {
                let v = f.values[r * f.width + c]
                if v >= servingThreshold && v > -.infinity { cells.append(Int32(base + c)) }
            }
        }
        return cells
    }
}

/// A thread-safe count of finished items, for progress reports.
final class Counter: @unchecked Sendable {
    private let value = Synchronization.Atomic<Int>(0)
    func increment() -> Int { value.wrappingAdd(1, ordering: .relaxed).newValue }
}

/// One candidate site's values in its footprint. Unmarked cells are declared irrelevant (+∞)
/// when `prune` allows; marked cells are evaluated exactly down to just below the threshold
/// (a candidate's served cells are those a coverage run would count for it).
struct CandidateSink: CellSink, @unchecked Sendable {
    let footprint: TowerFootprint
    let relevant: UnsafeBufferPointer<UInt8>
    let servingThreshold: Float
    let prune: Bool

    @inline(__always)
    func irrelevantBelow(cell: Int, col: Int, row: Int) -> Float {
        prune && relevant[cell] == 0 ? .infinity : servingThreshold - 0.01
    }

    @inline(__always)
    func put(cell: Int, col: Int, row: Int, value: Float) {
        footprint.values[footprint.index(col: col, row: row)] = value
    }
}
