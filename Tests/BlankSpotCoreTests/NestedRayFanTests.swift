import Testing
@testable import BlankSpotCore

@Suite struct NestedRayFanTests {
    /// Each band's level owns every cell of its steps once (``RayFan``'s rule with that level's
    /// span), so the bands together own every cell of the square once; the level fans are
    /// nested (every ray of level k+1 is a ray of level k) and rays stay within B_k/S_k ≤ (Rc
    /// + 2^k − 1)/S cell of each other in band k.
    @Test(arguments: [(7, 1), (16, 1), (64, 1), (100, 1), (131, 1), (64, 2), (77, 3)])
    func bandsOwnEveryCellOnce(radius: Int, subdivision: Int) {
        let nested = NestedRayFan(radiusCells: radius, subdivision: subdivision)
        var owners = [[Int]](repeating: [Int](repeating: 0, count: 2 * radius + 1), count: 2 * radius + 1)
        for level in 0..<nested.levels {
            let fan = nested.fans[level]
            #expect(fan.radiusCells == radius)
            #expect(fan.spanUnits == nested.fans[0].spanUnits >> level)
            #expect(nested.bandEnds[level] * (1 << level) < radius + (1 << level))
            let band = nested.bandStart(level)...nested.bandEnds[level]
            for k in 0..<fan.rayCount {
                let ray = fan.ray(k)
                #expect(fan.index(of: ray) == k)
                for i in band {
                    guard let range = fan.ownedMinorRange(e: ray.e, xMajor: ray.xMajor, step: i) else { continue }
                    for m in range {
                        let dCol = ray.xMajor ? ray.sign * i : m, dRow = ray.xMajor ? m : ray.sign * i
                        owners[dRow + radius][dCol + radius] += 1
                    }
                }
            }
        }
        for r in 0..<(2 * radius + 1) {
            for c in 0..<(2 * radius + 1) where !(r == radius && c == radius) {
                #expect(owners[r][c] == 1, "cell (\(c - radius), \(r - radius)) has \(owners[r][c]) owners")
            }
        }
        #expect(nested.bandStart(nested.levels - 1) == 1 && nested.bandEnds[0] == radius)
        #expect(nested.fans[0].spanUnits >= radius * subdivision)
    }

    /// A ray that is in the coarser level too has itself as parent; a new ray lies exactly
    /// halfway between its two parents (same octant side, slopes e/S averaged), diagonals named
    /// the coarser fan's way.
    @Test func newRaysLieHalfwayBetweenTheirParents() {
        let nested = NestedRayFan(radiusCells: 200, subdivision: 1)
        #expect(nested.levels == NestedRayFan.maximumHalvings + 1)
        func direction(_ ray: RayFan.Ray, _ fan: RayFan) -> (dCol: Double, dRow: Double) {
            let minor = Double(ray.e) / Double(fan.spanUnits)
            return ray.xMajor ? (Double(ray.sign), minor) : (minor, Double(ray.sign))
        }
        for level in 0..<(nested.levels - 1) {
            let fan = nested.fans[level], coarse = nested.fans[level + 1]
            var halfway = 0
            for k in 0..<fan.rayCount {
                let ray = fan.ray(k)
                let (first, second) = nested.parents(of: ray, level: level)
                #expect(coarse.index(of: first) < coarse.rayCount && coarse.ray(coarse.index(of: first)) == first)
                let d = direction(ray, fan), p = direction(first, coarse)
                guard let second else {
                    #expect(abs(d.dCol - p.dCol) < 1e-12 && abs(d.dRow - p.dRow) < 1e-12)
                    continue
                }
                #expect(coarse.ray(coarse.index(of: second)) == second)
                let q = direction(second, coarse)
                #expect(abs(d.dCol - (p.dCol + q.dCol) / 2) < 1e-12 && abs(d.dRow - (p.dRow + q.dRow) / 2) < 1e-12)
                halfway += 1
            }
            #expect(halfway == fan.rayCount / 2)
        }
    }
}
