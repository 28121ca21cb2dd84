/// A north-up raster grid in a projected (metric) coordinate reference system.
///
/// Cell `(col, row)` covers `[originXM + col·cellSizeM, originXM + (col+1)·cellSizeM]` in x and
/// `[originYM − (row+1)·cellSizeM, originYM − row·cellSizeM]` in y; rows run north to south,
/// as in a GeoTIFF. Cells are square.
public struct GridGeometry: Sendable, Equatable, Codable {
    /// x of the west edge of column 0, metres in `crsWKT`.
    public var originXM: Double
    /// y of the north edge of row 0, metres in `crsWKT`.
    public var originYM: Double
    /// Edge length of one square cell, metres.
    public var cellSizeM: Double
    public var width: Int
    public var height: Int
    /// The coordinate reference system as OGC WKT (empty when unknown).
    public var crsWKT: String

    public init(originXM: Double, originYM: Double, cellSizeM: Double, width: Int, height: Int, crsWKT: String) {
        self.originXM = originXM
        self.originYM = originYM
        self.cellSizeM = cellSizeM
        self.width = width
        self.height = height
        self.crsWKT = crsWKT
    }

    public var cellCount: Int { width * height }

    /// x of the centre of column `col`.
    @inlinable public func centreXM(col: Int) -> Double { originXM + (Double(col) + 0.5) * cellSizeM }
    /// y of the centre of row `row`.
    @inlinable public func centreYM(row: Int) -> Double { originYM - (Double(row) + 0.5) * cellSizeM }

    /// Fractional column of `xM` (0 = west edge of column 0).
    @inlinable public func columnCoordinate(xM: Double) -> Double { (xM - originXM) / cellSizeM }
    /// Fractional row of `yM` (0 = north edge of row 0).
    @inlinable public func rowCoordinate(yM: Double) -> Double { (originYM - yM) / cellSizeM }

    /// The cell containing the point, or nil when it lies outside the grid.
    public func cell(containingXM xM: Double, yM: Double) -> (col: Int, row: Int)? {
        let c = columnCoordinate(xM: xM), r = rowCoordinate(yM: yM)
        guard c >= 0, r >= 0, c < Double(width), r < Double(height) else { return nil }
        return (Int(c), Int(r))
    }

    /// The GDAL-style affine geotransform: (originX, cell, 0, originY, 0, −cell).
    public var geoTransform: [Double] { [originXM, cellSizeM, 0, originYM, 0, -cellSizeM] }

    public var maxXM: Double { originXM + Double(width) * cellSizeM }
    public var minYM: Double { originYM - Double(height) * cellSizeM }
}
