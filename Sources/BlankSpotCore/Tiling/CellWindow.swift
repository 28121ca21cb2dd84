/// A rectangle of cells of an analysis grid: columns `col0 ..< col0 + width`, rows
/// `row0 ..< row0 + height`.
public struct CellWindow: Sendable, Equatable, Codable {
    public var col0: Int
    public var row0: Int
    public var width: Int
    public var height: Int

    public init(col0: Int, row0: Int, width: Int, height: Int) {
        self.col0 = col0
        self.row0 = row0
        self.width = width
        self.height = height
    }

    /// The whole of `grid`.
    public init(whole grid: GridGeometry) {
        self.init(col0: 0, row0: 0, width: grid.width, height: grid.height)
    }

    public var cellCount: Int { width * height }
    public var colEnd: Int { col0 + width }
    public var rowEnd: Int { row0 + height }

    public func contains(col: Int, row: Int) -> Bool {
        col >= col0 && col < colEnd && row >= row0 && row < rowEnd
    }

    /// The window's own grid: the same lattice and CRS as `grid`, its origin at the window's
    /// corner. Origins of analysis grids are multiples of the cell size, so the corner is exact.
    public func grid(within grid: GridGeometry) -> GridGeometry {
        GridGeometry(originXM: grid.originXM + Double(col0) * grid.cellSizeM,
                     originYM: grid.originYM - Double(row0) * grid.cellSizeM,
                     cellSizeM: grid.cellSizeM, width: width, height: height, crsWKT: grid.crsWKT)
    }

    /// The smallest window holding both.
    public func union(_ o: CellWindow) -> CellWindow {
        let c0 = min(col0, o.col0), r0 = min(row0, o.row0)
        return CellWindow(col0: c0, row0: r0, width: max(colEnd, o.colEnd) - c0, height: max(rowEnd, o.rowEnd) - r0)
    }

    /// This window grown outward to multiples of `step` cells (from the grid's corner), then
    /// clipped to `width × height` cells.
    public func aligned(to step: Int, clippedToWidth w: Int, height h: Int) -> CellWindow {
        let c0 = max(0, Int((Double(col0) / Double(step)).rounded(.down)) * step)
        let r0 = max(0, Int((Double(row0) / Double(step)).rounded(.down)) * step)
        let c1 = min(w, Int((Double(colEnd) / Double(step)).rounded(.up)) * step)
        let r1 = min(h, Int((Double(rowEnd) / Double(step)).rounded(.up)) * step)
        return CellWindow(col0: c0, row0: r0, width: max(0, c1 - c0), height: max(0, r1 - r0))
    }

    /// Copies the window's cells out of a row-major grid `gridWidth` cells wide.
    public func extract<T>(_ values: [T], gridWidth: Int) -> [T] {
        var out: [T] = []
        out.reserveCapacity(cellCount)
        for r in row0..<rowEnd {
            out.append(contentsOf: values[(r * gridWidth + col0)..<(r * gridWidth + colEnd)])
        }
        return out
    }
}
