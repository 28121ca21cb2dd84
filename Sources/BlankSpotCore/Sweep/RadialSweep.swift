/// Walks the rays of one tower over the terrain and writes each owned cell's model value into
/// the tower's footprint (see ``RayFan`` for which ray owns which cell).
///
/// Along a ray at major step i the terrain is sampled at the ray's exact minor position
/// `e·i/Rc`, interpolating linearly between the two cell centres either side of it (Franklin &
/// Ray's R2 sampling); the sample distance is `i·cell·√(1 + (e/Rc)²)`. The cells the ray owns at
/// step i are evaluated with their own ground height and their own centre distance, against the
/// profile of samples 1…i−1.
public struct RadialSweep: Sendable {
    public let terrain: TerrainRaster
    public let settings: SweepSettings
    public let fan: RayFan
    /// Radius in cells (not rounded).
    public let radiusCells: Double

    public init(terrain: TerrainRaster, settings: SweepSettings) {
        self.terrain = terrain
        self.settings = settings
        radiusCells = settings.radiusM / terrain.grid.cellSizeM
        fan = RayFan(radiusCells: max(1, Int(radiusCells.rounded(.up))))
    }

    /// Evaluates the tower's own cell.
    func sweepOwnCell<M: RayProfileModel>(site: GridSite, model: M, into footprint: TowerFootprint) {
        let g = terrain.heightM(col: site.col, row: site.row)
        footprint.values[footprint.index(col: site.col, row: site.row)] =
            g.isNaN ? .nan : model.ownCellValue(groundM: Double(g))
    }

    /// Walks rays `rays` (indices into ``fan``) of `site`.
    func sweep<M: RayProfileModel>(site: GridSite, rays: Range<Int>, model prototype: M,
                                   into footprint: TowerFootprint) {
        let grid = terrain.grid
        let width = grid.width, height = grid.height
        let cellM = grid.cellSizeM
        let rc = fan.radiusCells
        let rCells2 = radiusCells * radiusCells
        let out = footprint.values
        terrain.heightsM.withUnsafeBufferPointer { heights in
            var model = prototype
            for k in rays {
                let ray = fan.ray(k)
                let slope = Double(ray.e) / Double(rc)
                let stepFactor = (1 + slope * slope).squareRoot()
                let stepM = cellM * stepFactor
                let lastStep = min(rc, Int(((radiusCells + 0.5) / stepFactor).rounded(.down)))
                guard lastStep >= 1 else { continue }
                model.beginRay(stepM: stepM)
                // Major axis position p, minor axis q; strides in the heights buffer.
                let p0 = ray.xMajor ? site.col : site.row
                let q0 = ray.xMajor ? site.row : site.col
                let pLimit = ray.xMajor ? width : height
                let qLimit = ray.xMajor ? height : width
                let pStride = ray.xMajor ? 1 : width
                let qStride = ray.xMajor ? width : 1
                for i in 1...lastStep {
                    let p = p0 + ray.sign * i
                    if p < 0 || p >= pLimit { break }
                    if let owned = fan.ownedMinorRange(e: ray.e, xMajor: ray.xMajor, step: i) {
                        for m in owned {
                            let q = q0 + m
                            if q < 0 || q >= qLimit { continue }
                            let d2 = Double(i * i + m * m)
                            if d2 > rCells2 { continue }
                            let g = heights[p * pStride + q * qStride]
                            let col = ray.xMajor ? p : q, row = ray.xMajor ? q : p
                            let value: Float
                            if g.isNaN {
                                value = .nan
                            } else {
                                value = model.receiverValue(groundM: Double(g), distanceM: d2.squareRoot() * cellM,
                                                            dCol: col - site.col, dRow: row - site.row)
                            }
                            out[footprint.index(col: col, row: row)] = value
                        }
                    }
                    // The ray's own terrain sample at step i.
                    let num = ray.e * i
                    let m0 = RayFan.floorDiv(num, rc)
                    let rem = num - m0 * rc
                    let q = q0 + m0
                    if q < 0 || q >= qLimit || (rem != 0 && q + 1 >= qLimit) { break }
                    let base = p * pStride + q * qStride
                    var h = Double(heights[base])
                    if rem != 0 {
                        let f = Double(rem) / Double(rc)
                        h += (Double(heights[base + qStride]) - h) * f
                    }
                    model.addSample(heightM: h, distanceM: Double(i) * stepM)
                }
            }
        }
    }
}
