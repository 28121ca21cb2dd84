/// The land-cover class of every cell of an analysis grid: what the models that read the
/// receiver's own surroundings need (ITM's P.2108 terminal correction, Hata's environment), and
/// the representative clutter height R that P.1812 puts on its profile.
public struct CellLandCover: Sendable {
    /// The classes present (at most 256).
    public let classes: [LandCoverClass]
    /// The index into ``classes`` of every cell (row-major); nil = every cell is `classes[0]`.
    public let classIndexOfCell: [UInt8]?

    /// One class everywhere (`--clutter`).
    public init(uniform c: LandCoverClass) {
        classes = [c]
        classIndexOfCell = nil
    }

    /// The classes of a land-cover raster's codes (row-major, `noData` where none) under
    /// `table`; codes without data or missing from the table take its fallback class.
    ///
    /// With at most 256 classes in the table (fallback included), ``classes`` is the table's
    /// own list (``tableOrder(_:)``) whatever the codes hold, so a window of the grid gets the
    /// same classes in the same order as the whole grid: a tiled run's models are then those
    /// of a single run, to the bit. Larger tables list only the classes present.
    /// - Throws: ``InputError`` when more than 256 distinct classes are present.
    public init(codes: [Int32], noData: Int32, table: LandCoverTable, file: String) throws {
        if let ordered = Self.tableOrder(table) {
            var rank: [Int32: UInt8] = [:]
            for (k, code) in table.classes.keys.sorted().enumerated() { rank[Int32(truncatingIfNeeded: code)] = UInt8(k + 1) }
            classes = ordered
            classIndexOfCell = codes.map { $0 == noData ? 0 : (rank[$0] ?? 0) }
            return
        }
        var indexOfCode: [Int32: UInt8] = [:]
        var indexOfClassCode: [Int: UInt8] = [:]
        var classes: [LandCoverClass] = []
        var index = [UInt8](repeating: 0, count: codes.count)
        for (cell, code) in codes.enumerated() {
            if let k = indexOfCode[code] {
                index[cell] = k
                continue
            }
            let c = code == noData ? table.fallback : table.lookup(Int(code))
            let classCode = code == noData || table.classes[Int(code)] == nil ? -1 : c.code
            let k: UInt8
            if let known = indexOfClassCode[classCode] {
                k = known
            } else {
                guard classes.count < 256 else {
                    throw InputError(file: file, message: "more than 256 land-cover classes occur in the analysis area; expected at most 256 (merge classes in the --landcover-table)")
                }
                k = UInt8(classes.count)
                classes.append(c)
                indexOfClassCode[classCode] = k
            }
            indexOfCode[code] = k
            index[cell] = k
        }
        if classes.isEmpty { classes = [table.fallback] }
        self.classes = classes
        classIndexOfCell = index
    }

    /// Classes and cell indices as they are (e.g. a window of a whole grid's).
    public init(classes: [LandCoverClass], classIndexOfCell: [UInt8]) {
        self.classes = classes
        self.classIndexOfCell = classIndexOfCell
    }

    /// The fallback class, then the table's classes by ascending code; nil when they are more
    /// than 256 (a class index is one byte).
    public static func tableOrder(_ table: LandCoverTable) -> [LandCoverClass]? {
        guard table.classes.count < 256 else { return nil }
        return [table.fallback] + table.classes.keys.sorted().map { table.classes[$0]! }
    }

    /// The class index of cell `cell` (row-major).
    @inline(__always)
    public func classIndex(cell: Int) -> Int {
        guard let i = classIndexOfCell else { return 0 }
        return Int(i[cell])
    }

    /// R of every cell, m.
    public func clutterHeightsM(cellCount: Int) -> [Float] {
        let r = classes.map { Float($0.clutterHeightM) }
        guard let i = classIndexOfCell else { return [Float](repeating: r[0], count: cellCount) }
        return i.map { r[Int($0)] }
    }
}
