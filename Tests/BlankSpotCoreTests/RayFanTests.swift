import Testing
@testable import BlankSpotCore

@Suite struct RayFanTests {
    /// Every cell of the square around the tower is owned by exactly one ray, the owner is the
    /// ray passing closest to the cell centre in its column (within half a cell), and
    /// `owner(dCol:dRow:)` names the same ray as the per-step ranges.
    @Test(arguments: [(1, 1), (2, 1), (3, 1), (7, 1), (16, 1), (41, 1), (7, 2), (16, 3), (41, 4)])
    func everyCellHasExactlyOneOwner(radius: Int, subdivision: Int) {
        let fan = RayFan(radiusCells: radius, subdivision: subdivision)
        let span = Double(fan.spanUnits)
        var owners = [[Int]](repeating: [Int](repeating: 0, count: 2 * radius + 1), count: 2 * radius + 1)
        for k in 0..<fan.rayCount {
            let ray = fan.ray(k)
            for i in 1...radius {
                guard let range = fan.ownedMinorRange(e: ray.e, xMajor: ray.xMajor, step: i) else { continue }
                for m in range {
                    let dCol = ray.xMajor ? ray.sign * i : m
                    let dRow = ray.xMajor ? m : ray.sign * i
                    owners[dRow + radius][dCol + radius] += 1
                    // Distance of the ray from the cell centre along the minor axis: |m − e·i/S| ≤ ½·i/S.
                    let offset = abs(Double(m) - Double(ray.e * i) / span)
                    #expect(offset <= 0.5 * Double(i) / span + 1e-12)
                    #expect(fan.owner(dCol: dCol, dRow: dRow) == ray)
                }
            }
        }
        for r in 0..<(2 * radius + 1) {
            for c in 0..<(2 * radius + 1) where !(r == radius && c == radius) {
                #expect(owners[r][c] == 1, "cell (\(c - radius), \(r - radius)) has \(owners[r][c]) owners")
            }
        }
        #expect(owners[radius][radius] == 0)
        #expect(fan.rayCount == 8 * radius * subdivision)
    }
}
