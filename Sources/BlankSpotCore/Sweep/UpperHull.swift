/// The upper convex hull of points added in increasing x (Andrew's monotone chain, upper half):
/// the smallest concave chain on or above every point. Supports, in O(log n), the tangent from
/// a point to its right and the support value in a given direction, which is what horizon and
/// obstruction searches along a ray need.
///
/// Works in storage it is given (two buffers of at least as many elements as points will be
/// added), so that a sweep allocates once per worker and never per ray.
struct UpperHull {
    private(set) var x: UnsafeMutablePointer<Double>
    private(set) var y: UnsafeMutablePointer<Double>
    private(set) var count = 0

    init(x: UnsafeMutablePointer<Double>, y: UnsafeMutablePointer<Double>) {
        self.x = x
        self.y = y
    }

    mutating func removeAll() { count = 0 }

    /// Adds a point right of all previous ones; drops vertices that fall on or below the chain.
    @inline(__always)
    mutating func append(x px: Double, y py: Double) {
        var n = count
        while n >= 2 {
            // Remove the last vertex unless the chain turns right (clockwise) through it.
            let ax = x[n - 2], ay = y[n - 2], bx = x[n - 1], by = y[n - 1]
            if (bx - ax) * (py - ay) - (by - ay) * (px - ax) >= 0 { n -= 1 } else { break }
        }
        x[n] = px
        y[n] = py
        count = n + 1
    }

    /// The vertex that maximises (y_j − py)/(px − x_j) for a point right of every vertex — the
    /// tangent from (px, py) — and that maximum. The hull must not be empty.
    @inline(__always)
    func tangentFromRight(x px: Double, y py: Double) -> (index: Int, slope: Double) {
        var lo = 0, hi = count - 1
        while lo < hi {
            let mid = (lo + hi) >> 1
            // Vertex mid+1 looks higher than mid from P exactly when P is below their edge's
            // line: py < y_mid + dy·(px − x_mid)/dx, multiplied out (dx > 0) to spare a division.
            let dx = x[mid + 1] - x[mid], dy = y[mid + 1] - y[mid]
            if (py - y[mid]) * dx < dy * (px - x[mid]) { lo = mid + 1 } else { hi = mid }
        }
        return (lo, (y[lo] - py) / (px - x[lo]))
    }

    /// max_j (y_j − s·x_j) and its vertex: the hull's support in the direction of slope s.
    @inline(__always)
    func support(slope s: Double) -> (index: Int, value: Double) {
        var lo = 0, hi = count - 1
        while lo < hi {
            let mid = (lo + hi) >> 1
            // The edge's slope dy/dx exceeds s (dx > 0: no division needed).
            if y[mid + 1] - y[mid] > s * (x[mid + 1] - x[mid]) { lo = mid + 1 } else { hi = mid }
        }
        return (lo, y[lo] - s * x[lo])
    }
}

/// Memory a worker's copy of a ray model owns: `blocks` buffers of `capacity` doubles each,
/// freed when the copy goes away. Model prototypes carry none, so copies never share one.
final class RayStorage: @unchecked Sendable {
    let capacity: Int
    private let base: UnsafeMutablePointer<Double>

    init(blocks: Int, capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: blocks * capacity)
    }

    deinit { base.deallocate() }

    func block(_ i: Int) -> UnsafeMutablePointer<Double> { base + i * capacity }
}
