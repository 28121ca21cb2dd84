/// Walks the rays of one tower over the terrain and hands each owned cell's model value to a
/// sink (see ``RayFan`` for which ray owns which cell).
///
/// Along a ray at major step i the terrain is sampled at the ray's exact minor position
/// `e·i/Rc`, interpolating linearly between the two cell centres either side of it (Franklin &
/// Ray's R2 sampling); the sample distance is `i·cell·√(1 + (e/Rc)²)`. The cells the ray owns at
/// step i are evaluated with their own ground height and their own centre distance, against the
/// profile of samples 1…i−1. Minor positions and owned ranges are tracked with integer
/// remainders (no division in the loop), so every ray is walked exactly the same way on any
/// thread.
public struct RadialSweep: Sendable {
    public let terrain: TerrainRaster
    public let settings: SweepSettings
    public let fan: RayFan
    /// Radius in cells (not rounded).
    public let radiusCells: Double
    /// 1/i for i = 0…Rc (entry 0 unused).
    let inverseSteps: [Double]

    /// A sweep to `radiusM` (default: the settings' radius).
    public init(terrain: TerrainRaster, settings: SweepSettings, raySubdivision: Int = 1, radiusM: Double? = nil) {
        self.terrain = terrain
        self.settings = settings
        radiusCells = (radiusM ?? settings.radiusM) / terrain.grid.cellSizeM
        fan = RayFan(radiusCells: max(1, Int(radiusCells.rounded(.up))), subdivision: settings.raySubdivision ?? raySubdivision)
        inverseSteps = (0...fan.radiusCells).map { $0 == 0 ? 0 : 1 / Double($0) }
    }

    /// Evaluates the tower's own cell (always: it is within any reach).
    func sweepOwnCell<M: TowerCellModel, S: CellSink>(site: GridSite, model: M, into sink: S) {
        let g = terrain.heightM(col: site.col, row: site.row)
        sink.put(cell: site.row * terrain.grid.width + site.col, col: site.col, row: site.row, value: g.isNaN ? .nan : model.ownCellValue(groundM: Double(g)))
    }

    /// Walks rays `rays` (indices into ``fan``) of `site`; returns the largest squared distance,
    /// in cells², of a cell they found served (a value of 0 or more, −1 when none), and whether
    /// one of them reached the disc's edge unproven.
    func sweep<M: RayProfileModel, S: CellSink>(site: GridSite, rays: Range<Int>, model prototype: M, into sink: S) -> SweepExtent {
        let nearCapacity = max(1, M.exactNearSamples)
        // With clutter, the near points are read twice (terrain, and terrain + clutter).
        let scratchCount = NearProfile.scratchPerSample * nearCapacity
        return withSurface { surface in
            terrain.heightsM.withUnsafeBufferPointer { heights in
                inverseSteps.withUnsafeBufferPointer { inverseSteps in
                    withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * scratchCount) { near in
                        var model = prototype
                        // The disc: the run's radius, or the tower's reach when that is shorter.
                        let discCells = min(radiusCells, prototype.reachM / terrain.grid.cellSizeM)
                        // Rays cut by the tower's own reach are closed by it.
                        let closedByReach = discCells < radiusCells
                        var extent = SweepExtent.nothing
                        for k in rays {
                            extent.merge(walk(fan.ray(k), site: site, discCells: discCells, closedByReach: closedByReach, heights: heights,
                                              surface: surface, inverseSteps: inverseSteps, near: near.baseAddress!,
                                              surfaceNear: near.baseAddress! + scratchCount, model: &model, sink: sink))
                        }
                        return extent
                    }
                }
            }
        }
    }

    /// Runs `body` with the clutter surface's buffer, or nil for bare terrain.
    @inline(__always)
    private func withSurface<R>(_ body: (UnsafeBufferPointer<Float>?) -> R) -> R {
        guard let surface = terrain.surfaceM else { return body(nil) }
        return surface.withUnsafeBufferPointer { body($0) }
    }

    @inline(__always)
    private func walk<M: RayProfileModel, S: CellSink>(
        _ ray: RayFan.Ray, site: GridSite, discCells: Double, closedByReach: Bool, heights: UnsafeBufferPointer<Float>,
        surface: UnsafeBufferPointer<Float>?, inverseSteps: UnsafeBufferPointer<Double>, near: UnsafeMutablePointer<Double>,
        surfaceNear: UnsafeMutablePointer<Double>, model: inout M, sink: S
    ) -> SweepExtent {
        let nearCapacity = M.exactNearSamples
        let nearScratch = near
        let cellM = terrain.grid.cellSizeM
        var cursor = RayCursor(ray: ray, fan: fan, grid: terrain.grid, site: site, discCells: discCells)
        let lastStep = cursor.lastStep
        guard lastStep >= 1 else { return .nothing }
        // The farthest served cell of the ray (squared distance in cells²).
        var servedD2 = -1
        let rCells2 = discCells * discCells
        let qUnit = cursor.qUnit, majorStep = cursor.majorStep, originBase = cursor.originBase
        let minorSign = cursor.minorSign
        model.beginRay(stepM: cursor.stepM)
        let provesReach = model.provesReach
        let readsZones = model.readsZones
        if provesReach {
            let along = Double(ray.sign * fan.spanUnits), across = Double(ray.e)
            model.aim(dCol: ray.xMajor ? along : across, dRow: ray.xMajor ? across : along)
        }
        var spent = false

        // Whether the ray's previous cell came out −∞. The model's early test
        // (``RayProfileModel/isSurelyBelow``) is tried only then: ruled-out cells come in runs
        // (shadows, the far side of ridges), and elsewhere the test would mostly be wasted work.
        // Which cells it is tried on changes nothing but speed: it answers only what it proved.
        var previousRuledOut = false
        for i in 1...lastStep {
            // The cell this ray owns at step i (at most one, see RayCursor), evaluated against
            // samples 1…i−1.
            if cursor.advance() {
                let mm = cursor.candidateMinor
                let d2 = Double(i &* i &+ mm &* mm)
                if d2 <= rCells2 {
                    let cell = cursor.candidate   // heights and results share the grid's indexing
                    let g = heights[cell]
                    let (col, row) = cursor.candidateCell()
                    let dCol = col - site.col, dRow = row - site.row, distanceM = d2.squareRoot() * cellM
                    let irrelevantBelow = sink.irrelevantBelow(cell: cell, col: col, row: row)
                    // The exact line to (i, m) has its points lineStep apart; the near ones are
                    // the last min(K, i − 1) before the receiver.
                    let nearCount = nearCapacity > 0 && !g.isNaN ? min(nearCapacity, i - 1) : 0
                    let m = mm * minorSign
                    var lineStepM = 0.0
                    if nearCount > 0 {
                        let lineSlope = Double(m) / Double(i)
                        lineStepM = cellM * (1 + lineSlope * lineSlope).squareRoot()
                    }
                    let j0 = i - nearCount
                    let value: Float
                    if g.isNaN {
                        value = .nan
                    } else if previousRuledOut && irrelevantBelow > -.infinity
                                && model.isSurelyBelow(irrelevantBelow, groundM: Double(g), distanceM: distanceM, dCol: dCol, dRow: dRow,
                                                       nearFromM: Double(j0) * lineStepM, nearToM: Double(i - 1) * lineStepM,
                                                       nearCount: nearCount) {
                        value = -.infinity
                    } else {
                        // The last points before the receiver on the exact line (i, m), which
                        // the model reads straight from the terrain (see NearProfile).
                        let near = NearProfile(count: nearCount, receiverStep: i, minorOffset: m, spacingM: lineStepM,
                                               originBase: originBase, majorStep: majorStep, minorUnit: qUnit,
                                               heights: heights.baseAddress!, inverseSteps: inverseSteps.baseAddress!, scratch: nearScratch,
                                               surface: surface?.baseAddress, surfaceScratch: surfaceNear)
                        value = model.receiverValue(groundM: Double(g), distanceM: distanceM, dCol: dCol, dRow: dRow, near: near,
                                                    irrelevantBelow: irrelevantBelow)
                    }
                    previousRuledOut = value == -.infinity
                    if value >= 0 { servedD2 = i &* i &+ mm &* mm }   // steps only grow along a ray
                    sink.put(cell: cell, col: col, row: row, value: value)
                }
            }

            // The ray's own terrain sample at step i (and the clutter surface's, with clutter).
            if let surface {
                cursor.feedSample(to: &model, heights: heights, surface: surface, inverseSteps: inverseSteps)
            } else {
                cursor.feedSample(to: &model, heights: heights, inverseSteps: inverseSteps)
            }
            if readsZones { model.addSampleZone(cell: cursor.sampleCell) }
            // Every 16 steps, whether the model can prove that nothing farther on this ray is
            // served (its later cells all lie beyond i cells).
            if provesReach && i & 15 == 0 && model.isSpent(beyondM: Double(i) * cellM) {
                spent = true
                break
            }
        }
        // Open: the ray ran to the edge of the run's disc with nothing proved about beyond.
        let discLast = min(fan.radiusCells, Int(((discCells + 0.5) / cursor.stepFactor).rounded(.down)))
        return SweepExtent(farthestServedD2: servedD2, hasOpenRay: !spent && !closedByReach && lastStep >= discLast)
    }
}

