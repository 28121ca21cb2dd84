/// The rays of one tower's sweep and which cells each ray evaluates.
///
/// Rays run from the tower's cell centre to the centre of every cell on the perimeter of the
/// square of half-side `Rc` cells. A ray is named by its octant (major axis x or y, direction ±)
/// and its perimeter offset `e` along the minor axis: at major step `i` it is at minor offset
/// `e·i/Rc`. x-major octants take `e ∈ −Rc…Rc` (their outer rays are the diagonals), y-major
/// octants `e ∈ −(Rc−1)…Rc−1`; together 8·Rc rays.
///
/// Every cell `(i, m)` (major step i ≥ 1, minor offset m) of the square is **owned** by exactly
/// one ray: the one passing closest to its centre in that column,
/// `e = sign(m)·⌊(2·|m|·Rc + i) / (2i)⌋` (|m|·Rc/i rounded half up, mirrored for negative m).
/// x-major rays own the cells with |m| ≤ i (diagonals included), y-major rays those with
/// |m| < i. A ray writes only the cells it owns, so rays can run in parallel without sharing a
/// cell, and the result never depends on their order. The owned cell is at most half a cell
/// (times i/Rc) from the ray.
public struct RayFan: Sendable, Equatable {
    /// Half-side of the square, cells.
    public let radiusCells: Int
    /// Rays per perimeter cell, s ≥ 1: with s > 1 the rays aim at s points per perimeter cell,
    /// so an owned cell is at most 1/(2s) cell from its ray. Everything above holds with the
    /// perimeter measured in 1/s cells: `spanUnits` = s·Rc replaces Rc in the minor offsets.
    public let subdivision: Int

    public init(radiusCells: Int, subdivision: Int = 1) {
        precondition(radiusCells >= 1 && subdivision >= 1)
        self.radiusCells = radiusCells
        self.subdivision = subdivision
    }

    /// The perimeter half-side in ray units, S = s·Rc.
    public var spanUnits: Int { radiusCells * subdivision }

    public var rayCount: Int { 8 * spanUnits }

    public struct Ray: Sendable, Equatable {
        /// true: steps along columns (x); false: along rows (y).
        public var xMajor: Bool
        /// +1 or −1: direction of the major step in grid indices.
        public var sign: Int
        /// Minor offset at the perimeter (major step Rc).
        public var e: Int
    }

    /// The `k`-th ray, `k ∈ 0..<rayCount`: x+ then x− (2Rc+1 each), then y+ and y− (2Rc−1 each),
    /// each with `e` ascending.
    public func ray(_ k: Int) -> Ray {
        let r = spanUnits
        let xCount = 2 * r + 1, yCount = 2 * r - 1
        if k < 2 * xCount {
            return Ray(xMajor: true, sign: k < xCount ? 1 : -1, e: k % xCount - r)
        }
        let k2 = k - 2 * xCount
        return Ray(xMajor: false, sign: k2 < yCount ? 1 : -1, e: k2 % yCount - (r - 1))
    }

    /// The minor offsets owned by the ray with perimeter offset `e` at major step `i ≥ 1`
    /// (nil when it owns none there). Reference formula; the sweep tracks the same bounds
    /// incrementally.
    public func ownedMinorRange(e: Int, xMajor: Bool, step i: Int) -> ClosedRange<Int>? {
        let limit = xMajor ? i : i - 1
        let a = abs(e)
        // |m| with ⌊(2|m|Rc + i)/(2i)⌋ = a  ⇔  (2a−1)·i ≤ 2|m|·Rc < (2a+1)·i.
        var lo = a == 0 ? 0 : Self.ceilDiv((2 * a - 1) * i, 2 * spanUnits)
        let hi = min(Self.ceilDiv((2 * a + 1) * i, 2 * spanUnits) - 1, limit)
        lo = max(lo, 0)
        guard lo <= hi else { return nil }
        if e > 0 { return lo...hi }
        if e < 0 { return (-hi)...(-lo) }
        return (-hi)...hi
    }

    /// The ray that owns the cell at column offset `dCol`, row offset `dRow` (not both 0).
    public func owner(dCol: Int, dRow: Int) -> Ray {
        let xMajor = abs(dCol) >= abs(dRow)
        let i = xMajor ? abs(dCol) : abs(dRow)
        let m = xMajor ? dRow : dCol
        let a = (2 * abs(m) * spanUnits + i) / (2 * i)
        return Ray(xMajor: xMajor, sign: (xMajor ? dCol : dRow) > 0 ? 1 : -1, e: m < 0 ? -a : a)
    }

    @inlinable static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q
    }

    @inlinable static func ceilDiv(_ a: Int, _ b: Int) -> Int { -floorDiv(-a, b) }
}
