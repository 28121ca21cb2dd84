/// Line of sight column by column, with each cell's horizon interpolated between the two rays
/// either side of it.
///
/// The disc is cut into four half-planes (x-major: |m| ≤ i, y-major: |m| < i, as in
/// ``RayFan``). In each, rays run from the tower to S points per perimeter half-side (ray a at
/// minor offset a·i/S at major step i, a = −S…S) and carry their horizon: the largest
/// elevation slope of their samples, each sample's flattened height linear between the two
/// cell centres either side of the ray (``LineOfSightModel``). Column i is handled in two
/// passes: first every cell of the column gets its flattened height and is tested against the
/// horizon interpolated linearly, at the cell's own position u = m·S/i, between the two active
/// rays bracketing it (samples 1…i−1), then every active ray takes its sample at step i from
/// those flattened heights.
///
/// **Nested rays.** Near the tower far fewer rays than S are needed to stay a cell apart, so
/// the rays active in band k (steps ⌈Rc/2^(k+1)⌉+1 … ⌈Rc/2^k⌉; the innermost band from step 1)
/// are every 2^k-th one, S/2^k per half-side, at most about one cell apart. A ray joining at a
/// band's first step, halfway between two active ones, starts with the mean of their two
/// horizons. Three halvings cut the ray samples to about two thirds of one ray per perimeter
/// cell all the way (the saved share Σ 2^-(k+1)·(1 − 2^-(k+1)) tends to 1/3).
///
/// Measured on the three seeded rugged terrains of `LineOfSightTests` against the brute-force
/// oracle (Jaccard index of the visible sets): interpolating between rays 0.952–0.959 with three
/// halvings and 0.965–0.978 without; evaluating each cell against its nearest ray only (the
/// classic R2 sweep) 0.930–0.946 with every ray from the tower and 0.913–0.920 nested.
///
/// **Work items.** Each half-plane is split into chunks of ``raysPerChunk`` rays; a chunk owns
/// the cells with u in [A0, A1) (the last one also u = S) and walks rays A0…A1 itself, so a
/// boundary ray is computed the same way by both chunks that need it and no chunk reads
/// another's state: the result does not depend on the order or the thread count.
struct LineOfSightColumnPlan: TowerSweepPlan {
    /// Rays per work item (level-0 numbering), a multiple of 2^maximumHalvings.
    static let raysPerChunk = 64
    static let maximumHalvings = 3
    /// The innermost band must span at least this many steps (small discs are not nested).
    static let minimumInnerBand = 8

    let sweep: RadialSweep
    /// Rays per half-plane side at level 0, S: s·Rc rounded up to a multiple of 2^halvings.
    let span: Int
    /// `bandEnds[k]`: the last step of band k (level k: rays a ≡ 0 mod 2^k), B_k = ⌈Rc/2^k⌉.
    let bandEnds: [Int]
    let chunksPerHalfPlane: Int
    /// `discHalfWidths[i]`: the largest m with i² + m² ≤ (radius in cells)², −1 when none.
    let discHalfWidths: [Int]

    init(sweep: RadialSweep, halvings: Int = LineOfSightColumnPlan.maximumHalvings) {
        self.sweep = sweep
        let radius = sweep.fan.radiusCells
        var k = 0
        while k < halvings, (radius + (1 << (k + 1)) - 1) >> (k + 1) >= Self.minimumInnerBand { k += 1 }
        let unit = 1 << k
        span = (radius * (sweep.settings.raySubdivision ?? 1) + unit - 1) / unit * unit
        bandEnds = (0...k).map { (radius + (1 << $0) - 1) >> $0 }
        chunksPerHalfPlane = (2 * span + Self.raysPerChunk - 1) / Self.raysPerChunk
        let rCells2 = sweep.radiusCells * sweep.radiusCells
        discHalfWidths = (0...radius).map { i in
            var m = Int(max(0, rCells2 - Double(i * i)).squareRoot())
            while Double(i * i + (m + 1) * (m + 1)) <= rCells2 { m += 1 }
            while m >= 0 && Double(i * i + m * m) > rCells2 { m -= 1 }
            return m
        }
    }

    var levels: Int { bandEnds.count }

    var itemCount: Int { 4 * chunksPerHalfPlane }

    /// A cell costs a few dozen instructions here, so resetting and merging a footprint per
    /// tower would cost more than it saves: with 20 towers of 30 km on 2 threads the sweep takes
    /// 0.25–0.26 s merging directly against 0.28–0.29 s through footprints (same rasters).
    static var sweepsTowersOneAtATime: Bool { true }

    func run<S: CellSink>(item: Int, site: GridSite, model: LineOfSightModel, sink: S) -> SweepExtent {
        SweepExtent(farthestServedD2: visibleFarthestD2(item: item, site: site, model: model, sink: sink), hasOpenRay: true)
    }

    /// Sweeps work item `item`; returns the largest squared distance (cells²) of a visible cell, −1 none.
    private func visibleFarthestD2<S: CellSink>(item: Int, site: GridSite, model: LineOfSightModel, sink: S) -> Int {
        let halfPlane = item / chunksPerHalfPlane, chunk = item % chunksPerHalfPlane
        let a0 = -span + chunk * Self.raysPerChunk
        let a1 = min(a0 + Self.raysPerChunk, span)
        // Per ray: horizon slope and step length (m); per cell of the current column: its
        // flattened height. At step i ≤ S the chunk's rays span at most a1 − a0 + 1 cells of a
        // column, plus one either side and one spare.
        let rayCount = a1 - a0 + 1, cellCapacity = a1 - a0 + 4
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * rayCount + cellCapacity) { scratch in
            sweep.terrain.heightsM.withUnsafeBufferPointer { heights in
                walkChunk(xMajor: halfPlane < 2, sign: halfPlane % 2 == 0 ? 1 : -1, a0: a0, a1: a1, site: site, model: model,
                          horizons: scratch.baseAddress!, stepsM: scratch.baseAddress! + rayCount,
                          flatHeights: scratch.baseAddress! + 2 * rayCount, heights: heights, sink: sink)
            }
        }
    }

    /// Horizon of a ray that has seen no terrain yet, and the flattened height of a cell
    /// outside the grid: finite, so that interpolating with it stays a number; hugely negative,
    /// so that it never raises a horizon and a cell next to it is visible (no data never
    /// blocks).
    static let noHorizon = -1e30

    /// Walks the chunk of rays a0…a1 of one half-plane column by column. The rays' positions
    /// are exact fractions, tracked as quotient and remainder over S (ray a0 + j at step i is at
    /// minor offset (a0·i + j·i)/S), so every chunk samples a ray at the same place; a cell's
    /// place between two rays, (m·S/i − a0)/st gaps from ray a0, only weights the two horizons
    /// and is computed in floating point.
    ///
    /// Each column's cells get their flattened height z = h − d²/(2ka) − h_tx once (d² is exact:
    /// (i² + m²) cells²). A ray's sample at step i is z interpolated linearly between the two
    /// cells either side of it, at the ray's own distance i·step; it raises the horizon when
    /// z > horizon·distance, and only then is its slope divided out.
    private func walkChunk<S: CellSink>(
        xMajor: Bool, sign: Int, a0: Int, a1: Int, site: GridSite, model: LineOfSightModel,
        horizons: UnsafeMutablePointer<Double>, stepsM: UnsafeMutablePointer<Double>,
        flatHeights: UnsafeMutablePointer<Double>, heights: UnsafeBufferPointer<Float>, sink: S
    ) -> Int {
        // The farthest visible cell (squared distance in cells²).
        var visibleD2 = -1
        let grid = sweep.terrain.grid
        let cellM = grid.cellSizeM, cellM2 = cellM * cellM
        let p0 = xMajor ? site.col : site.row, q0 = xMajor ? site.row : site.col
        let pLimit = xMajor ? grid.width : grid.height, qLimit = xMajor ? grid.height : grid.width
        let pStride = xMajor ? 1 : grid.width, qUnit = xMajor ? grid.width : 1
        let lastChunk = a1 == span
        let minorShift = xMajor ? 0 : 1   // y-major half-planes own |m| < i
        let inverseSpan = 1 / Double(span)
        let n = a1 - a0
        for j in 0...n {
            let slope = Double(a0 + j) * inverseSpan
            stepsM[j] = cellM * (1 + slope * slope).squareRoot()
            horizons[j] = Self.noHorizon
        }
        // a0·i, a1·i and (active-ray spacing)·i as multiples of 1/S, kept up to date column by
        // column without division.
        var a0Position = SpanFraction(span: span), a1Position = SpanFraction(span: span)
        var level = levels - 1
        var rayGap = SpanFraction(span: span)
        for i in 1...sweep.fan.radiusCells {
            let p = p0 + sign * i
            let mDisc = discHalfWidths[i]
            guard p >= 0, p < pLimit, mDisc >= 0 else { break }
            // Rays joining at this band: halfway between two active ones, with the mean horizon.
            while level > 0 && i > bandEnds[level] {
                level -= 1
                let st = 1 << level
                for j in stride(from: st, to: n, by: 2 * st) {
                    horizons[j] = 0.5 * (horizons[j - st] + horizons[j + st])
                }
                rayGap = SpanFraction(span: span, numerator: st * (i - 1))
            }
            let st = 1 << level
            a0Position.add(a0)
            a1Position.add(a1)
            rayGap.add(st)
            let columnBase = p * pStride

            // Cells of column i in this chunk: u = m·S/i in [a0, a1) (last chunk: ≤ S), inside
            // the half-plane, the disc and the grid.
            let mLimit = min(i - minorShift, mDisc)
            let firstM = a0Position.ceiling
            let mLo = max(firstM, -mLimit, -q0)
            let mHi = min(lastChunk ? i : a1Position.ceiling - 1, mLimit, qLimit - 1 - q0)
            if mLo > mHi {
                // Outside the disc on this chunk's side of u = 0: so are all later columns.
                if a0 >= 0 && firstM > mDisc { break }
                if a1 <= 0 && a1Position.ceiling - 1 < -mDisc { break }
            }
            // Cells the rays sample: ⌊a0·i/S⌋ … ⌈a1·i/S⌉, in slot m − sampledLo, and one spare
            // slot after them for a ray exactly on the last one. Outside the grid: noHorizon.
            let sampledLo = a0Position.quotient, sampledHi = a1Position.ceiling
            let gridLo = max(sampledLo, -q0), gridHi = min(sampledHi, qLimit - 1 - q0)
            for m in sampledLo..<min(gridLo, sampledHi + 2) { flatHeights[m &- sampledLo] = Self.noHorizon }
            for m in max(gridHi + 1, sampledLo)...(sampledHi + 1) { flatHeights[m &- sampledLo] = Self.noHorizon }
            if gridLo <= gridHi {
                // Position of cell m in active-ray gaps from ray a0: w = (m·S/i − a0)/st; the
                // horizon is linear between rays k and k + 1 (t = w − k). w ≥ 0 but for
                // rounding; the last gap also takes u = a1 (t = 1 up to rounding).
                let perM = Double(span) / (Double(i) * Double(st))
                let lastGap = (a1 - a0) / st - 1
                var w = Double(mLo) * perM - Double(a0) / Double(st)
                var cell = columnBase + (q0 + gridLo) * qUnit
                let i2 = i * i
                // Wrapping arithmetic in the loops: every value stays far below Int's range.
                var m = gridLo
                while m <= gridHi {
                    let distanceCells2 = Double(i2 &+ m &* m)
                    let z = model.flatHeight(heightM: Double(heights[cell]), distanceCells2: distanceCells2)
                    flatHeights[m &- sampledLo] = z
                    if m >= mLo && m <= mHi {
                        let k = min(Int(max(w, 0)), lastGap)
                        let t = w - Double(k)
                        let below = horizons[k &<< level]
                        let horizon = below + (horizons[(k &+ 1) &<< level] - below) * t
                        let distanceM2 = distanceCells2 * cellM2
                        if model.isVisible(flatHeightM: z, distanceM2: distanceM2, horizonSlope: horizon) {
                            let col = xMajor ? p : q0 &+ m, row = xMajor ? q0 &+ m : p
                            sink.putVisible(cell: cell, col: col, row: row)
                            visibleD2 = max(visibleD2, i2 &+ m &* m)
                        }
                        w += perM
                    }
                    cell &+= qUnit
                    m &+= 1
                }
            }

            // Every active ray's sample at step i: ray a0 + j at (a0·i + j·i)/S = q + rem/S,
            // between cells q and q + 1 of the column, at distance i·step.
            var q = 0, rem = a0Position.remainder
            let qStep = rayGap.quotient, remStep = rayGap.remainder
            let iD = Double(i)
            var j = 0
            while j <= n {
                let below = flatHeights[q]
                let z = below + (flatHeights[q &+ 1] - below) * (Double(rem) * inverseSpan)
                let distanceM = iD * stepsM[j]
                // nan (no data) never raises a horizon.
                if z > horizons[j] * distanceM { horizons[j] = z / distanceM }
                rem &+= remStep
                let carry = rem >= span ? 1 : 0
                rem &-= carry &* span
                q &+= qStep &+ carry
                j &+= st
            }
        }
        return visibleD2
    }
}

/// An integer numerator over S, held as ⌊n/S⌋ and n − S·⌊n/S⌋ so that adding |d| ≤ S costs
/// no division.
struct SpanFraction {
    let span: Int
    private(set) var quotient = 0
    private(set) var remainder = 0

    init(span: Int, numerator: Int = 0) {
        self.span = span
        (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: span)
        if remainder < 0 { remainder += span; quotient -= 1 }
    }

    /// ⌈n/S⌉.
    var ceiling: Int { remainder > 0 ? quotient + 1 : quotient }

    /// n += d, |d| ≤ S: at most one carry either way.
    @inline(__always)
    mutating func add(_ d: Int) {
        remainder &+= d
        let up = remainder >= span ? 1 : 0, down = remainder < 0 ? 1 : 0
        remainder &+= (down &- up) &* span
        quotient &+= up &- down
    }
}
