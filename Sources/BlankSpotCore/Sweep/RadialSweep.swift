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

    public init(terrain: TerrainRaster, settings: SweepSettings, raySubdivision: Int = 1) {
        self.terrain = terrain
        self.settings = settings
        radiusCells = settings.radiusM / terrain.grid.cellSizeM
        fan = RayFan(radiusCells: max(1, Int(radiusCells.rounded(.up))), subdivision: settings.raySubdivision ?? raySubdivision)
        inverseSteps = (0...fan.radiusCells).map { $0 == 0 ? 0 : 1 / Double($0) }
    }

    /// Evaluates the tower's own cell (always: it is within any reach).
    func sweepOwnCell<M: RayProfileModel, S: CellSink>(site: GridSite, model: M, into sink: S) {
        let g = terrain.heightM(col: site.col, row: site.row)
        sink.put(col: site.col, row: site.row, value: g.isNaN ? .nan : model.ownCellValue(groundM: Double(g)))
    }

    /// Walks rays `rays` (indices into ``fan``) of `site`.
    func sweep<M: RayProfileModel, S: CellSink>(site: GridSite, rays: Range<Int>, model prototype: M, into sink: S) {
        let nearCapacity = max(1, M.exactNearSamples)
        terrain.heightsM.withUnsafeBufferPointer { heights in
            inverseSteps.withUnsafeBufferPointer { inverseSteps in
                withUnsafeTemporaryAllocation(of: Double.self, capacity: (2 + NearProfile.scratchPerSample) * nearCapacity) { near in
                    var model = prototype
                    // The disc: the run's radius, or the tower's reach when that is shorter.
                    let discCells = min(radiusCells, prototype.reachM / terrain.grid.cellSizeM)
                    for k in rays {
                        walk(fan.ray(k), site: site, discCells: discCells, heights: heights, inverseSteps: inverseSteps,
                             near: near.baseAddress!, model: &model, sink: sink)
                    }
                }
            }
        }
    }

    @inline(__always)
    private func walk<M: RayProfileModel, S: CellSink>(
        _ ray: RayFan.Ray, site: GridSite, discCells: Double, heights: UnsafeBufferPointer<Float>,
        inverseSteps: UnsafeBufferPointer<Double>, near: UnsafeMutablePointer<Double>, model: inout M, sink: S
    ) {
        let nearCapacity = M.exactNearSamples
        let nearDistances = near, nearHeights = near + max(1, nearCapacity), nearScratch = near + 2 * max(1, nearCapacity)
        let grid = terrain.grid
        let cellM = grid.cellSizeM
        let rc = fan.radiusCells
        let span = fan.spanUnits
        let twoSpan = 2 * span
        let a = abs(ray.e)
        let minorSign = ray.e < 0 ? -1 : 1
        let slope = Double(a) / Double(span)
        let stepFactor = (1 + slope * slope).squareRoot()
        let stepM = cellM * stepFactor
        let inverseStepM = 1 / stepM
        let rCells2 = discCells * discCells
        let inverseSpan = 1 / Double(span)

        // Major axis p, minor axis q, and their strides in the heights buffer.
        let p0 = ray.xMajor ? site.col : site.row
        let q0 = ray.xMajor ? site.row : site.col
        let pLimit = ray.xMajor ? grid.width : grid.height
        let qLimit = ray.xMajor ? grid.height : grid.width
        let pStride = ray.xMajor ? 1 : grid.width
        let qUnit = ray.xMajor ? grid.width : 1
        let qStride = qUnit * minorSign

        // Last step: inside the disc (owned cells are within half a cell of the ray), inside the
        // grid along the major axis, and with both minor neighbours of the sample inside it.
        var lastStep = min(rc, Int(((discCells + 0.5) / stepFactor).rounded(.down)))
        lastStep = min(lastStep, ray.sign > 0 ? pLimit - 1 - p0 : p0)
        if a > 0 {
            let room = minorSign > 0 ? qLimit - 1 - q0 : q0
            lastStep = min(lastStep, room < 1 ? 0 : ((room - 1) * span) / a)
        }
        guard lastStep >= 1 else { return }
        model.beginRay(stepM: stepM)

        // Sample position |minor| = m0 + rem/S (S = s·Rc ray units).
        var m0 = 0, rem = 0
        // Owned |m| range: lo = ⌈(2a−1)i/2S⌉, hi = ⌈(2a+1)i/2S⌉ − 1, each tracked as a
        // quotient/remainder of (c·i + 2S − 1) / 2S.
        let loStep = a == 0 ? 0 : 2 * a - 1, hiStep = 2 * a + 1
        var loQ = 0, loR = twoSpan - 1, hiQ = 0, hiR = twoSpan - 1
        let originBase = p0 * pStride + q0 * qUnit
        let majorStep = ray.sign * pStride
        var cellBase = originBase

        for i in 1...lastStep {
            // Wrapping arithmetic in this loop: every value stays far below Int's range, and the
            // overflow checks would cost as many instructions as the work.
            cellBase &+= majorStep
            loR &+= loStep
            while loR >= twoSpan { loR &-= twoSpan; loQ &+= 1 }
            hiR &+= hiStep
            while hiR >= twoSpan { hiR &-= twoSpan; hiQ &+= 1 }

            // The cells this ray owns at step i, evaluated against samples 1…i−1.
            let hi = min(hiQ &- 1, ray.xMajor ? i : i &- 1)
            let lo = a == 0 ? -hi : loQ
            if lo <= hi {
                let i2 = i &* i
                for mm in lo...hi {
                    let d2 = Double(i2 &+ mm &* mm)
                    if d2 > rCells2 { continue }
                    let g = heights[cellBase &+ mm &* qStride]
                    let m = mm &* minorSign
                    let col = ray.xMajor ? p0 &+ ray.sign &* i : q0 &+ m
                    let row = ray.xMajor ? q0 &+ m : p0 &+ ray.sign &* i
                    var nearCount = 0
                    if nearCapacity > 0 && !g.isNaN {
                        // The last points before the receiver on the exact line (i, m): at major
                        // step j the line is at minor offset m·j/i.
                        // The minor position m·j/i is tracked exactly as q + r/i (0 ≤ r < i),
                        // with no rounding call; heights and distances are computed with the
                        // same expressions as ``GridProfile`` (bit for bit, a test checks).
                        nearCount = min(nearCapacity, i - 1)
                        let m = mm * minorSign, iD = Double(i)
                        let lineSlope = Double(m) / iD
                        let lineStepM = cellM * (1 + lineSlope * lineSlope).squareRoot()
                        let j0 = i - nearCount
                        var (q, r) = (m * j0).quotientAndRemainder(dividingBy: i)
                        if r < 0 { r += i; q -= 1 }
                        var rowBase = originBase &+ j0 &* majorStep
                        for k in 0..<nearCount {
                            let base = rowBase &+ q &* qUnit
                            var h = Double(heights[base])
                            if r != 0 { h += (Double(heights[base &+ qUnit]) - h) * Double(r) / iD }
                            nearDistances[k] = Double(j0 &+ k) * lineStepM
                            nearHeights[k] = h
                            rowBase &+= majorStep
                            r &+= m   // |m| ≤ i: at most one carry either way
                            if r >= i { r &-= i; q &+= 1 } else if r < 0 { r &+= i; q &-= 1 }
                        }
                    }
                    let value: Float = g.isNaN ? .nan :
                        model.receiverValue(groundM: Double(g), distanceM: d2.squareRoot() * cellM,
                                            dCol: col - site.col, dRow: row - site.row,
                                            near: NearProfile(distancesM: nearDistances, heightsM: nearHeights, count: nearCount, scratch: nearScratch),
                                            irrelevantBelow: sink.irrelevantBelow(col: col, row: row))
                    sink.put(col: col, row: row, value: value)
                }
            }

            // The ray's own terrain sample at step i.
            rem &+= a
            if rem >= span { rem &-= span; m0 &+= 1 }
            let base = cellBase &+ m0 &* qStride
            var h = Double(heights[base])
            if rem != 0 {
                h += (Double(heights[base &+ qStride]) - h) * (Double(rem) * inverseSpan)
            }
            let inverseDistance = inverseStepM * inverseSteps[i]
            model.addSample(heightM: h, distanceM: Double(i) * stepM, inverseDistance: inverseDistance)
        }
    }
}
