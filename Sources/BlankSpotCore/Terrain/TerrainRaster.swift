/// Ground heights on a ``GridGeometry``: metres above the geoid, row-major, north row first.
/// A missing height (DEM nodata, or outside every DEM) is `Float.nan` and is never read as sea level.
public struct TerrainRaster: Sendable {
    public let grid: GridGeometry
    /// `grid.width × grid.height` heights in metres; `.nan` = no data.
    public let heightsM: [Float]
    /// Terrain plus the representative clutter height R of each cell's land cover (trees,
    /// houses), metres: the surface that ITU-R P.1812's diffraction sees between the terminals
    /// (§3.2, g = h + R); nil when the run has no clutter (bare terrain).
    public let surfaceM: [Float]?
    /// The land-cover class of every cell, when the run has clutter: the receiver's own
    /// surroundings for ITM's P.2108 terminal correction and Hata's environment.
    public let landCover: CellLandCover?

    public init(grid: GridGeometry, heightsM: [Float], surfaceM: [Float]? = nil, landCover: CellLandCover? = nil) {
        precondition(heightsM.count == grid.cellCount, "terrain buffer does not match its grid")
        precondition(surfaceM == nil || surfaceM!.count == grid.cellCount, "surface buffer does not match its grid")
        self.grid = grid
        self.heightsM = heightsM
        self.surfaceM = surfaceM
        self.landCover = landCover
    }

    /// The same terrain with clutter of height `clutterM` (per cell, m) on it.
    public func withClutter(_ clutterM: [Float]) -> TerrainRaster {
        precondition(clutterM.count == grid.cellCount)
        return TerrainRaster(grid: grid, heightsM: heightsM, surfaceM: zip(heightsM, clutterM).map { $0 + $1 })
    }

    /// The same terrain with the land cover `landCover` on it: its clutter heights R make the
    /// surface, and its classes stay with every cell.
    public func withLandCover(_ landCover: CellLandCover) -> TerrainRaster {
        let r = landCover.clutterHeightsM(cellCount: grid.cellCount)
        return TerrainRaster(grid: grid, heightsM: heightsM, surfaceM: zip(heightsM, r).map { $0 + $1 }, landCover: landCover)
    }

    @inlinable public func heightM(col: Int, row: Int) -> Float { heightsM[row * grid.width + col] }

    /// Height at a fractional position by bilinear interpolation between the four surrounding
    /// cell centres (cell centre of `(c, r)` is at `(c + 0.5, r + 0.5)`); nan when any is missing
    /// or the point is outside the outermost cell centres' reach.
    public func interpolatedHeightM(columnCoordinate x: Double, rowCoordinate y: Double) -> Double {
        let fx = x - 0.5, fy = y - 0.5
        let c0 = Int(fx.rounded(.down)), r0 = Int(fy.rounded(.down))
        let tx = fx - Double(c0), ty = fy - Double(r0)
        func h(_ c: Int, _ r: Int) -> Double {
            let cc = min(max(c, 0), grid.width - 1), rr = min(max(r, 0), grid.height - 1)
            return Double(heightM(col: cc, row: rr))
        }
        guard c0 >= -1, r0 >= -1, c0 < grid.width, r0 < grid.height else { return .nan }
        let top = h(c0, r0) * (1 - tx) + h(c0 + 1, r0) * tx
        let bottom = h(c0, r0 + 1) * (1 - tx) + h(c0 + 1, r0 + 1) * tx
        return top * (1 - ty) + bottom * ty
    }

    /// Number of cells holding a height.
    public var validCellCount: Int {
        heightsM.withUnsafeBufferPointer { h in
            var n = 0
            for x in h { n &+= x.isNaN ? 0 : 1 }   // a branch-free loop the compiler vectorises
            return n
        }
    }
}
