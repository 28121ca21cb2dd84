import Foundation

/// The memory a coverage run (and the village step after it) needs, estimated before anything
/// large is allocated, so that a run that cannot fit is refused with a message instead of
/// failing an allocation hours later or being killed by the system.
///
/// Per analysis cell: the terrain (4 bytes), the engine's result grids (best value, best tower,
/// server count: 10 bytes), the output rasters' pixels and overviews (about 10 bytes), and the
/// village step's cell owners, population and the rasters read back (about 24 bytes, kept apart
/// from the engine's by the job order but counted together to stay on the safe side), and the
/// clutter surface and land-cover classes when the run has clutter (8 bytes): 56 bytes.
/// Per worker thread: a footprint of one tower's disc (value, margin and flags: 16 bytes per
/// cell of the square around it). Measured peaks stay below this: the demo (10.9 million cells,
/// 2 threads, `run` with villages) peaks at 0.36 GB against an estimate of 0.68 GB; the 50 km
/// single-tower P.1812 benchmark (11.6 million cells, engine only) at 0.40 GB against 1.07 GB.
public struct RunMemoryEstimate: Sendable {
    public static let bytesPerCell = 56.0
    public static let bytesPerFootprintCell = 16.0
    public static let baseBytes = 64e6

    public let cells: Int
    public let cellSizeM: Double
    public let threads: Int
    public let radiusM: Double

    public init(cells: Int, cellSizeM: Double, threads: Int, radiusM: Double) {
        self.cells = cells
        self.cellSizeM = cellSizeM
        self.threads = threads
        self.radiusM = radiusM
    }

    /// Cells of one tower's square footprint.
    public var footprintCells: Double {
        let side = 2 * radiusM / cellSizeM + 1
        return side * side
    }

    public var bytes: Double {
        Double(cells) * Self.bytesPerCell + Double(threads) * footprintCells * Self.bytesPerFootprintCell + Self.baseBytes
    }

    /// - Throws: ``ResourceError`` when the estimate exceeds `limitBytes`, naming the options
    ///   that shrink it.
    public func check(limitBytes: Double, limitName: String) throws {
        guard bytes > limitBytes else { return }
        func gb(_ b: Double) -> String { String(format: b < 1e9 ? "%.2f GB" : "%.1f GB", b / 1e9) }
        throw ResourceError(
            "the run needs about \(gb(bytes)) of memory (\(Double(cells).scientific) cells of \(cellSizeM.formatted) m × \(Int(Self.bytesPerCell)) bytes, "
            + "plus \(threads) thread\(threads == 1 ? "" : "s") × \(gb(footprintCells * Self.bytesPerFootprintCell)) for a tower's footprint), "
            + "more than \(limitName) (\(gb(limitBytes))); use a coarser --resolution-m (memory falls with its square), "
            + "a smaller --radius-km, fewer --threads, or towers over a smaller area")
    }
}

/// A run refused because it would not fit the machine.
public struct ResourceError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

extension Double {
    /// 1.1·10⁹ style for large counts, plain below a million.
    public var scientific: String {
        guard self >= 1e6 else { return String(Int64(self.rounded())) }
        let exponent = Int(Foundation.log10(self).rounded(.down))
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let superscript = String(String(exponent).compactMap { $0.wholeNumberValue.map { digits[$0] } })
        return String(format: "%.1f·10", self / pow(10, Double(exponent))) + superscript
    }
}
