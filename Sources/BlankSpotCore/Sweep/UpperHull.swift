/// The upper convex hull of points added in increasing x (Andrew's monotone chain, upper half):
/// the smallest concave chain on or above every point. Supports, in O(log n), the tangent from
/// a point to its right and the support value in a given direction, which is what horizon and
/// obstruction searches along a ray need.
struct UpperHull {
    private(set) var x: [Double] = []
    private(set) var y: [Double] = []

    init(capacity: Int) {
        x.reserveCapacity(capacity)
        y.reserveCapacity(capacity)
    }

    var count: Int { x.count }

    mutating func removeAll() {
        x.removeAll(keepingCapacity: true)
        y.removeAll(keepingCapacity: true)
    }

    /// Adds a point right of all previous ones; drops vertices that fall on or below the chain.
    @inline(__always)
    mutating func append(x px: Double, y py: Double) {
        var n = x.count
        while n >= 2 {
            // Remove the last vertex unless the chain turns right (clockwise) through it.
            let ax = x[n - 2], ay = y[n - 2], bx = x[n - 1], by = y[n - 1]
            if (bx - ax) * (py - ay) - (by - ay) * (px - ax) >= 0 {
                x.removeLast()
                y.removeLast()
                n -= 1
            } else {
                break
            }
        }
        x.append(px)
        y.append(py)
    }

    /// The vertex that maximises (y_j − py)/(px − x_j) for a point right of every vertex — the
    /// tangent from (px, py) — and that maximum. The hull must not be empty.
    @inline(__always)
    func tangentFromRight(x px: Double, y py: Double) -> (index: Int, slope: Double) {
        var lo = 0, hi = x.count - 1
        while lo < hi {
            let mid = (lo + hi) >> 1
            // Vertex mid+1 looks higher than mid from P exactly when P is below their edge's line.
            let lineAtP = y[mid] + (y[mid + 1] - y[mid]) * (px - x[mid]) / (x[mid + 1] - x[mid])
            if py < lineAtP { lo = mid + 1 } else { hi = mid }
        }
        return (lo, (y[lo] - py) / (px - x[lo]))
    }

    /// max_j (y_j − s·x_j) and its vertex: the hull's support in the direction of slope s.
    @inline(__always)
    func support(slope s: Double) -> (index: Int, value: Double) {
        var lo = 0, hi = x.count - 1
        while lo < hi {
            let mid = (lo + hi) >> 1
            let edgeSlope = (y[mid + 1] - y[mid]) / (x[mid + 1] - x[mid])
            if edgeSlope > s { lo = mid + 1 } else { hi = mid }
        }
        return (lo, y[lo] - s * x[lo])
    }
}
