/// The two operations the sweep's four-lane loops share.
extension SIMD4 where Scalar == Double {
    /// Lanes j…j+3 of `p` (no alignment needed).
    @inline(__always)
    static func load(_ p: UnsafeMutablePointer<Double>, _ j: Int) -> Self {
        UnsafeRawPointer(p + j).loadUnaligned(as: Self.self)
    }

    /// The largest lane (lanes hold no nan where the sweep asks).
    @inline(__always)
    var largest: Double { Swift.max(Swift.max(self[0], self[1]), Swift.max(self[2], self[3])) }
}
