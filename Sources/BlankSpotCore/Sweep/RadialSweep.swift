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

    public init(terrain: TerrainRaster, settings: SweepSettings) {
        self.terrain = terrain
        self.settings = settings
        radiusCells = settings.radiusM / terrain.grid.cellSizeM
        fan = RayFan(radiusCells: max(1, Int(radiusCells.rounded(.up))))
        inverseSteps = (0...fan.radiusCells).map { $0 == 0 ? 0 : 1 / Double($0) }
    }

    /// Evaluates the tower's own cell.
    func sweepOwnCell<M: RayProfileModel, S: CellSink>(site: GridSite, model: M, into sink: S) {
        let g = terrain.heightM(col: site.col, row: site.row)
        sink.put(col: site.col, row: site.row, value: g.isNaN ? .nan : model.ownCellValue(groundM: Double(g)))
    }

    /// Walks rays `rays` (indices into ``fan``) of `site`.
    func sweep<M: RayProfileModel, S: CellSink>(site: GridSite, rays: Range<Int>, model prototype: M, into sink: S) {
        terrain.heightsM.withUnsafeBufferPointer { heights in
            inverseSteps.withUnsafeBufferPointer { inverseSteps in
                var model = prototype
                for k in rays {
                    walk(fan.ray(k), site: site, heights: heights, inverseSteps: inverseSteps, model: &model, sink: sink)
                }
            }
        }
    }

    @inline(__always)
    private func walk<M: RayProfileModel, S: CellSink>(
        _ ray: RayFan.Ray, site: GridSite, heights: UnsafeBufferPointer<Float>,
        inverseSteps: UnsafeBufferPointer<Double>, model: inout M, sink: S
    ) {
        let grid = terrain.grid
        let cellM = grid.cellSizeM
        let rc = fan.radiusCells
        let twoRc = 2 * rc
        let a = abs(ray.e)
        let minorSign = ray.e < 0 ? -1 : 1
        let slope = Double(a) / Double(rc)
        let stepFactor = (1 + slope * slope).squareRoot()
        let stepM = cellM * stepFactor
        let inverseStepM = 1 / stepM
        let rCells2 = radiusCells * radiusCells
        let inverseRc = 1 / Double(rc)

        // Major axis p, minor axis q, and their strides in the heights buffer.
        let p0 = ray.xMajor ? site.col : site.row
        let q0 = ray.xMajor ? site.row : site.col
        let pLimit = ray.xMajor ? grid.width : grid.height
        let qLimit = ray.xMajor ? grid.height : grid.width
        let pStride = ray.xMajor ? 1 : grid.width
        let qStride = (ray.xMajor ? grid.width : 1) * minorSign

        // Last step: inside the disc (owned cells are within half a cell of the ray), inside the
        // grid along the major axis, and with both minor neighbours of the sample inside it.
        var lastStep = min(rc, Int(((radiusCells + 0.5) / stepFactor).rounded(.down)))
        lastStep = min(lastStep, ray.sign > 0 ? pLimit - 1 - p0 : p0)
        if a > 0 {
            let room = minorSign > 0 ? qLimit - 1 - q0 : q0
            lastStep = min(lastStep, room < 1 ? 0 : ((room - 1) * rc) / a)
        }
        guard lastStep >= 1 else { return }
        model.beginRay(stepM: stepM)

        // Sample position |minor| = m0 + rem/Rc.
        var m0 = 0, rem = 0
        // Owned |m| range: lo = ⌈(2a−1)i/2Rc⌉, hi = ⌈(2a+1)i/2Rc⌉ − 1, each tracked as a
        // quotient/remainder of (c·i + 2Rc − 1) / 2Rc.
        let loStep = a == 0 ? 0 : 2 * a - 1, hiStep = 2 * a + 1
        var loQ = 0, loR = twoRc - 1, hiQ = 0, hiR = twoRc - 1
        var cellBase = p0 * pStride + q0 * abs(qStride)

        for i in 1...lastStep {
            cellBase += ray.sign * pStride
            loR += loStep
            while loR >= twoRc { loR -= twoRc; loQ += 1 }
            hiR += hiStep
            while hiR >= twoRc { hiR -= twoRc; hiQ += 1 }

            // The cells this ray owns at step i, evaluated against samples 1…i−1.
            let hi = min(hiQ - 1, ray.xMajor ? i : i - 1)
            let lo = a == 0 ? -hi : loQ
            if lo <= hi {
                let i2 = i * i
                for mm in lo...hi {
                    let m2 = mm * mm
                    let d2 = Double(i2 + m2)
                    if d2 > rCells2 { continue }
                    let g = heights[cellBase + mm * qStride]
                    let m = mm * minorSign
                    let col = ray.xMajor ? p0 + ray.sign * i : q0 + m
                    let row = ray.xMajor ? q0 + m : p0 + ray.sign * i
                    let value: Float = g.isNaN ? .nan :
                        model.receiverValue(groundM: Double(g), distanceM: d2.squareRoot() * cellM,
                                            dCol: col - site.col, dRow: row - site.row)
                    sink.put(col: col, row: row, value: value)
                }
            }

            // The ray's own terrain sample at step i.
            rem += a
            if rem >= rc { rem -= rc; m0 += 1 }
            let base = cellBase + m0 * qStride
            var h = Double(heights[base])
            if rem != 0 {
                h += (Double(heights[base + qStride]) - h) * (Double(rem) * inverseRc)
            }
            let inverseDistance = inverseStepM * inverseSteps[i]
            model.addSample(heightM: h, distanceM: Double(i) * stepM, inverseDistance: inverseDistance)
        }
    }
}
