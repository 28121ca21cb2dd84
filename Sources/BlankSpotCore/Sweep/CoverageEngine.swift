import Synchronization

/// Runs the radial sweep for every tower and combines the results.
///
/// How one tower is swept is its ``TowerSweepPlan``: the ray fan in chunks for the radio models
/// (``RayChunkPlan``), columns with interpolated horizons for line of sight
/// (``LineOfSightColumnPlan``).
///
/// Parallelism (`DispatchQueue.concurrentPerform` through ``ParallelLoop``): with at least two
/// towers per thread, whole towers are the work items, each swept into its worker's footprint
/// buffer and then merged; with fewer, or when the plan says so (line of sight), towers go one
/// at a time and each tower's plan items (ray chunks) run in parallel, merging straight into the
/// result (items own disjoint cells, see ``RayFan``). Either way every cell value is computed by one item in one fixed way and the
/// merge is order-free, so the output is the same for any thread count.
public enum CoverageEngine {
    /// Sweeps all `sites` with `model`, on `threads` threads (≥ 1).
    /// `progress` is called from worker threads with the share of the work done (0…1).
    public static func run(terrain: TerrainRaster, sites: [GridSite], settings: SweepSettings,
                           model: CoverageModel, threads: Int, progress: (@Sendable (Double) -> Void)? = nil) -> CoverageGrids {
        dispatch(terrain: terrain, sites: sites, settings: settings, model: model,
                 runner: GridMergeRunner(threads: threads, progress: progress))
    }

    /// Sweeps every one of `sites` on its own (candidate sites: nothing is merged) and lists,
    /// per site, the grid cells it serves among those `relevant` marks (≠ 0), ascending. A cell
    /// is served when the site's value reaches the model's serving threshold, exactly as in
    /// ``run(terrain:sites:settings:model:threads:progress:)``: the same plans, reach rule and
    /// model, so a site added to a coverage run serves the same cells there.
    public static func servedCells(terrain: TerrainRaster, sites: [GridSite], settings: SweepSettings, model: CoverageModel,
                                   relevant: [UInt8], threads: Int, progress: (@Sendable (Double) -> Void)? = nil) -> [[Int32]] {
        precondition(relevant.count == terrain.grid.cellCount, "one relevance flag per grid cell")
        return relevant.withUnsafeBufferPointer { mask in
            dispatch(terrain: terrain, sites: sites, settings: settings, model: model,
                     runner: ServedCellRunner(relevant: mask, threads: threads, progress: progress))
        }
    }

    /// The model's per-site factory and plans, handed to `runner`.
    static func dispatch<R: SweepRunner>(terrain: TerrainRaster, sites: [GridSite], settings: SweepSettings,
                                         model: CoverageModel, runner: R) -> R.Result {
        let cellM = terrain.grid.cellSizeM
        switch model {
        case .lineOfSight:
            let ladder = ReachLadder(settings: settings) {
                LineOfSightColumnPlan(sweep: RadialSweep(terrain: terrain, settings: settings, radiusM: $0))
            }
            return runner.run(ladder: ladder, sites: sites, servingThreshold: -.greatestFiniteMagnitude, bestIsNearest: true,
                              makeModel: { LineOfSightModel(site: $0, settings: settings, cellSizeM: cellM) })
        case .signal(.freeSpace, let thresholds):
            return rays(runner, terrain: terrain, sites: sites, settings: settings) {
                FreeSpaceRayModel(budget: LinkBudget(site: $0, thresholds: thresholds), frequencyGHz: $0.tower.frequencyMHz / 1000,
                                  rxHeightM: settings.rxHeightM, cellSizeM: cellM)
            }
        case .signal(.hata(let environment), let thresholds):
            return rays(runner, terrain: terrain, sites: sites, settings: settings) {
                let (environments, cells) = hataEnvironments(fixed: environment, terrain: terrain, site: $0)
                return HataRayModel(budget: LinkBudget(site: $0, thresholds: thresholds), frequencyMHz: $0.tower.frequencyMHz,
                                    baseHeightM: $0.tower.heightM, rxHeightM: settings.rxHeightM, environmentOfClass: environments,
                                    cells: cells, cellSizeM: cellM)
            }
        case .signal(.p1812(let p1812), let thresholds):
            guard let landCover = terrain.landCover, p1812.locationPercent != 50 else {
                return runP1812(runner, terrain: terrain, sites: sites, settings: settings, p1812: p1812, thresholds: thresholds) { model, _ in model }
            }
            // The location variability of each receiver cell's clutter (§4.9: σL in full below
            // R, fading to nothing 10 m above it): the model takes the class whose offset is the
            // least, and every other class the difference, ≥ 0, so the model's bounds hold.
            let variability = ReceiverLocationVariability(classes: landCover.classes, p1812: p1812, rxHeightM: settings.rxHeightM)
            var base = p1812
            base.rxClutterHeightM = variability.baseClutterHeightM
            return runP1812(runner, terrain: terrain, sites: sites, settings: settings, p1812: base, thresholds: thresholds) { model, site in
                ReceiverClutterLossModel(inner: model, cells: ReceiverCellClasses(landCover: landCover, site: site, gridWidth: terrain.grid.width),
                                         lossDBOfClass: variability.extraLossDB(frequencyGHz: site.tower.frequencyMHz / 1000))
            }
        case .signal(.itm(let itm), let thresholds):
            var settings = settings
            settings.raySubdivision = settings.raySubdivision ?? model.defaultRaySubdivision
            let maxSamples = Int((settings.outermostRadiusM / cellM).rounded(.up)) + 2
            guard let landCover = terrain.landCover else {
                return rays(runner, terrain: terrain, sites: sites, settings: settings) { site in
                    ITMRayModel(site: site, budget: LinkBudget(site: site, thresholds: thresholds), settings: itm, rxHeightM: settings.rxHeightM,
                                cellSizeM: cellM, maxSamples: maxSamples)
                }
            }
            // The receiver's clutter by P.2108 §3.1; callers check the frequencies (0.03–3 GHz)
            // first, so the zero fallback is never taken.
            return rays(runner, terrain: terrain, sites: sites, settings: settings) { site in
                let losses = ReceiverClutterLossModel<ITMRayModel>.lossesDB(
                    classes: landCover.classes, frequencyGHz: site.tower.frequencyMHz / 1000, rxHeightM: settings.rxHeightM)
                return ReceiverClutterLossModel(
                    inner: ITMRayModel(site: site, budget: LinkBudget(site: site, thresholds: thresholds), settings: itm,
                                       rxHeightM: settings.rxHeightM, cellSizeM: cellM, maxSamples: maxSamples),
                    cells: ReceiverCellClasses(landCover: landCover, site: site, gridWidth: terrain.grid.width),
                    lossDBOfClass: losses ?? [Float](repeating: 0, count: landCover.classes.count))
            }
        }
    }

    /// Hata's environment per land-cover class and the receivers' classes: `fixed` everywhere
    /// when given; else each cell's class's; rural on terrain without land cover.
    static func hataEnvironments(fixed: Hata.Environment?, terrain: TerrainRaster, site: GridSite)
        -> ([Hata.Environment], ReceiverCellClasses) {
        if let fixed { return ([fixed], .single) }
        guard let landCover = terrain.landCover else { return ([.rural], .single) }
        return (landCover.classes.map(\.hataEnvironment), ReceiverCellClasses(landCover: landCover, site: site, gridWidth: terrain.grid.width))
    }

    /// Sweeps all `sites` with P.1812 (``P1812RayModel``, each tower's own frequency), the ray
    /// fan subdivided as ``CoverageModel/defaultRaySubdivision`` says unless `settings` does;
    /// `wrap` may put the model inside another (``P1812WalkFloor``), or return it as it is.
    static func runP1812<M: RayProfileModel, R: SweepRunner>(
        _ runner: R, terrain: TerrainRaster, sites: [GridSite], settings: SweepSettings, p1812: P1812AreaSettings, thresholds: ServiceThresholds,
        wrap: (P1812RayModel, GridSite) -> M
    ) -> R.Result {
        let threads = runner.threads
        var settings = settings
        settings.raySubdivision = settings.raySubdivision ?? CoverageModel.signal(.p1812(p1812), thresholds).defaultRaySubdivision
        let cellM = terrain.grid.cellSizeM
        let climate = P1812InlandClimateTable(maxPathKm: settings.outermostRadiusM / 1000 + 1)
        // Sea and coastal land from the land cover's zones (P.1812 Table 2); nil: all inland.
        let zones = terrain.landCover.flatMap { CellZones(landCover: $0) }
        // The automatic reach's proof reads what lies ahead of each ray (TerrainAheadTable).
        let blocks = settings.automaticReach == nil ? nil : TerrainAheadBlocks(terrain: terrain, threads: threads)
        // With the proof, rays stop where they are spent, so a rung costs little more than the
        // rays' walks: the ladder climbs by 4 (fewer rungs swept in vain) instead of 2.
        let growth = blocks != nil && p1812.timePercent == 50 ? AutomaticReach.proofGrowth : AutomaticReach.marginGrowth
        return rays(runner, terrain: terrain, sites: sites, settings: settings, ladderGrowth: growth) { site in
            var s = p1812
            s.frequencyGHz = site.tower.frequencyMHz / 1000
            s.rxHeightM = settings.rxHeightM
            var model = P1812RayModel(site: site, budget: LinkBudget(site: site, thresholds: thresholds), settings: s, cellSizeM: cellM,
                                      climate: climate, maxSamples: Int((settings.outermostRadiusM / cellM).rounded(.up)) + 2,
                                      hasClutter: terrain.surfaceM != nil, zones: zones, gridWidth: terrain.grid.width)
            if let blocks {
                model.aheadTable = TerrainAheadTable(blocks: blocks, site: site, outerCells: settings.outermostRadiusM / cellM, cellSizeM: cellM,
                                                     txAltitudeM: model.txAltitudeM, rxHeightM: settings.rxHeightM,
                                                     curvaturePerKm: model.curvaturePerKm)
            }
            return wrap(model, site)
        }
    }

    /// Hands `runner` the plain ray fan's plans and a model made per site by `makeModel`
    /// (specialised per model type inside this module; ``dispatch`` picks the type), with the
    /// signal models' serving threshold 0 (the margin over the tower's threshold).
    static func rays<M: RayProfileModel, R: SweepRunner>(
        _ runner: R, terrain: TerrainRaster, sites: [GridSite], settings: SweepSettings,
        ladderGrowth: Double = AutomaticReach.marginGrowth, makeModel: (GridSite) -> M
    ) -> R.Result {
        runner.run(ladder: ReachLadder(settings: settings, growth: ladderGrowth) {
                       RayChunkPlan<M>(sweep: RadialSweep(terrain: terrain, settings: settings, radiusM: $0))
                   },
                   sites: sites, servingThreshold: 0, bestIsNearest: false, makeModel: makeModel)
    }

    /// Sweeps all `sites` the way the plans of `ladder` say.
    static func run<P: TowerSweepPlan>(
        ladder: ReachLadder<P>, sites: [GridSite], threads: Int, servingThreshold: Float, bestIsNearest: Bool = false,
        progress: (@Sendable (Double) -> Void)? = nil, makeModel: (GridSite) -> P.Model
    ) -> CoverageGrids {
        let terrain = ladder.plans[0].sweep.terrain
        let n = terrain.grid.cellCount
        let bestValue = bestIsNearest ? nil : GridBuffer<Float>(count: n, repeating: -.infinity, threads: threads)
        let bestTower = GridBuffer<Int32>(count: n, repeating: 0, threads: threads)
        let serverCount = GridBuffer<UInt16>(count: n, repeating: 0, threads: threads)
        var servedD2 = [Int](repeating: -1, count: sites.count)
        var reaches = [TowerReach](repeating: TowerReach(evaluatedM: 0, basis: .fixed), count: sites.count)
        func sweep(_ bestValue: UnsafeMutableBufferPointer<Float>?) {
            bestTower.withUnsafeMutableBufferPointer { bestTower in
                serverCount.withUnsafeMutableBufferPointer { serverCount in
                    let accumulator = CoverageAccumulator(
                        grid: terrain.grid, servingThreshold: servingThreshold,
                        bestValue: bestValue, bestTower: bestTower, serverCount: serverCount, sites: sites)
                    servedD2.withUnsafeMutableBufferPointer { servedD2 in
                        reaches.withUnsafeMutableBufferPointer { reaches in
                            sweepAll(ladder: ladder, sites: sites, threads: max(1, threads), accumulator: accumulator,
                                     results: TowerResultSlots(servedD2: servedD2, reaches: reaches), progress: progress, makeModel: makeModel)
                        }
                    }
                }
            }
        }
        if let bestValue { bestValue.withUnsafeMutableBufferPointer { sweep($0) } } else { sweep(nil) }
        var grids = CoverageGrids(grid: terrain.grid, bestValue: bestValue, bestTower: bestTower, serverCount: serverCount)
        grids.servedExtentM = servedD2.map { $0 < 0 ? -1 : Double($0).squareRoot() * terrain.grid.cellSizeM }
        grids.reach = reaches
        return grids
    }

    /// Where each tower's farthest served cell (cells²) and reach go; each tower's slots are
    /// written by the one work item that sweeps it.
    struct TowerResultSlots: @unchecked Sendable {
        let servedD2: UnsafeMutableBufferPointer<Int>
        let reaches: UnsafeMutableBufferPointer<TowerReach>
    }

    private static func sweepAll<P: TowerSweepPlan>(
        ladder: ReachLadder<P>, sites: [GridSite], threads: Int,
        accumulator: CoverageAccumulator, results: TowerResultSlots,
        progress: (@Sendable (Double) -> Void)?, makeModel: (GridSite) -> P.Model
    ) {
        let done = Atomic<Int>(0)
        let grid = ladder.plans[0].sweep.terrain.grid
        if sites.count >= 2 * threads && !P.sweepsTowersOneAtATime {
            // Whole towers in parallel, each into its worker's footprint, merged when final.
            let scratch = (0..<threads).map { _ in FootprintScratch(capacity: 1) }
            ParallelLoop.run(count: sites.count, threads: threads) { i, worker in
                let site = sites[i]
                let model = makeModel(site)
                let swept = ladder.sweep(site: site, model: model) { plan in
                    let footprint = scratch[worker].footprint(site: site, radiusCells: plan.sweep.fan.radiusCells, grid: grid)
                    let sink = FootprintSink(footprint: footprint, accumulator: accumulator)
                    plan.sweep.sweepOwnCell(site: site, model: model, into: sink)
                    var extent = SweepExtent.nothing
                    for item in 0..<plan.itemCount { extent.merge(plan.run(item: item, site: site, model: model, sink: sink)) }
                    return (footprint, extent)
                }
                results.servedD2[i] = swept.farthestD2   // each site is one work item: no other thread writes here
                results.reaches[i] = swept.reach
                accumulator.merge(swept.footprint, towerIndex: site.index)
                if let progress { progress(Double(done.wrappingAdd(1, ordering: .relaxed).newValue) / Double(sites.count)) }
            }
        } else if ladder.rule != nil {
            // One tower at a time, its plan items in parallel into one footprint (the automatic
            // reach may sweep a tower again, so nothing merges before its last sweep).
            let scratch = FootprintScratch(capacity: 1)
            for (s, site) in sites.enumerated() {
                let model = makeModel(site)
                let swept = ladder.sweep(site: site, model: model) { plan in
                    let footprint = scratch.footprint(site: site, radiusCells: plan.sweep.fan.radiusCells, grid: grid)
                    let sink = FootprintSink(footprint: footprint, accumulator: accumulator)
                    plan.sweep.sweepOwnCell(site: site, model: model, into: sink)
                    return (footprint, runItems(plan, site: site, model: model, sink: sink, threads: threads))
                }
                results.servedD2[s] = swept.farthestD2
                results.reaches[s] = swept.reach
                accumulator.merge(swept.footprint, towerIndex: site.index)
                if let progress { progress(Double(s + 1) / Double(sites.count)) }
            }
        } else {
            // One tower at a time to the fixed radius, its items merging straight into the result.
            let plan = ladder.plans[0]
            for (s, site) in sites.enumerated() {
                let model = makeModel(site)
                let sink = DirectMergeSink(accumulator: accumulator, towerIndex: Int32(site.index))
                plan.sweep.sweepOwnCell(site: site, model: model, into: sink)
                results.servedD2[s] = runItems(plan, site: site, model: model, sink: sink, threads: threads) {
                    if let progress {
                        progress(Double(done.wrappingAdd(1, ordering: .relaxed).newValue) / Double(plan.itemCount * sites.count))
                    }
                }.farthestServedD2
                results.reaches[s] = TowerReach(evaluatedM: min(plan.sweep.radiusCells * grid.cellSizeM, model.reachM), basis: .fixed)
            }
        }
    }

    /// Runs every item of `plan` for one tower on `threads` threads; returns their extent.
    static func runItems<P: TowerSweepPlan, S: CellSink & Sendable>(
        _ plan: P, site: GridSite, model: P.Model, sink: S, threads: Int, afterItem: @Sendable () -> Void = {}
    ) -> SweepExtent {
        var items = [SweepExtent](repeating: .nothing, count: plan.itemCount)
        items.withUnsafeMutableBufferPointer { slots in
            ParallelLoop.run(count: plan.itemCount, threads: threads) { item, _ in
                slots[item] = plan.run(item: item, site: site, model: model, sink: sink)   // one slot per item
                afterItem()
            }
        }
        return items.reduce(into: SweepExtent.nothing) { $0.merge($1) }
    }
}
