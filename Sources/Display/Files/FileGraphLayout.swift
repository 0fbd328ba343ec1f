extension FileDrawing {
    /// Colours of graph drawings.
    enum GraphColours {
        static let qubit = RGB(70, 130, 180)
        static let unused = RGB(200, 200, 200)
        static let dead = RGB(214, 39, 40)
        static let coupler = RGB(200, 200, 200)
        static let link = RGB(110, 110, 110)
    }

    /// A graph or embedding drawing: couplers as lines under the qubits, each qubit one
    /// element (a bar along its orientation for lattice qubits, a disc otherwise, a cross
    /// when dead) in the `qubits` group, chains in their series colours, then the caption
    /// and a legend of the chains.
    static func graphScene(_ d: GraphDrawing) -> Scene {
        let margin = 16.0
        let top = d.title == nil ? margin : margin + 24
        var positions: [Point] = []
        var plotWidth: Double, plotHeight: Double
        let lattice: Bool
        switch d.layout {
        case .lattice:
            lattice = true
            let size = d.gridSize
            let dx = 10.0, dy = 20.0
            plotWidth = Double(max(1, size.columns)) * dx
            plotHeight = Double(max(1, size.rows)) * dy
            positions = d.nodes.map { Point(x: margin + ($0.x + 0.5) * dx, y: top + ($0.y + 0.5) * dy) }
        case .free:
            lattice = false
            plotWidth = 440; plotHeight = 440
            let inset = 20.0
            positions = d.nodes.map {
                Point(x: margin + inset + min(1, max(0, $0.x)) * (plotWidth - 2 * inset),
                      y: top + inset + min(1, max(0, $0.y)) * (plotHeight - 2 * inset))
            }
        }
        let captionWidth = d.caption.map { textWidth($0, size: FontSize.caption) } ?? 0
        let titleWidth = d.title.map { textWidth($0, size: FontSize.title) } ?? 0
        let width = max(240, plotWidth, captionWidth, titleWidth) + 2 * margin

        var couplers: [Item] = [], links: [Item] = [], chains: [Item] = []
        for edge in d.edges where edge.a >= 0 && edge.b >= 0 && edge.a < positions.count && edge.b < positions.count {
            let p = positions[edge.a], q = positions[edge.b]
            switch edge.kind {
            case .plain: couplers.append(.line(Line(x1: p.x, y1: p.y, x2: q.x, y2: q.y, colour: GraphColours.coupler, width: 0.6)))
            case .link: links.append(.line(Line(x1: p.x, y1: p.y, x2: q.x, y2: q.y, colour: GraphColours.link, width: 1)))
            case .chain(let k): chains.append(.line(Line(x1: p.x, y1: p.y, x2: q.x, y2: q.y, colour: seriesColour(k), width: 2.2)))
            }
        }

        let small = d.nodes.count > 400
        var qubits: [Item] = []
        qubits.reserveCapacity(d.nodes.count)
        for (node, p) in zip(d.nodes, positions) {
            let colour: RGB, role: String
            switch node.state {
            case .normal: colour = GraphColours.qubit; role = "qubit"
            case .unused: colour = GraphColours.unused; role = "unused"
            case .dead: colour = GraphColours.dead; role = "dead"
            case .chain(let k): colour = seriesColour(k); role = "chain"
            }
            if case .dead = node.state {
                let h = lattice ? 3.5 : 5
                qubits.append(.path(Path(runs: [[Point(x: p.x - h, y: p.y - h), Point(x: p.x + h, y: p.y + h)],
                                                [Point(x: p.x - h, y: p.y + h), Point(x: p.x + h, y: p.y - h)]],
                                         colour: colour, width: 1.5, role: role)))
                continue
            }
            switch (lattice, node.shape) {
            case (true, .vertical):
                qubits.append(.rect(Rect(x: p.x - 1.75, y: p.y - 7, width: 3.5, height: 14, fill: colour, role: role)))
            case (true, .horizontal):
                qubits.append(.rect(Rect(x: p.x - 4, y: p.y - 2.5, width: 8, height: 5, fill: colour, role: role)))
            default:
                qubits.append(.circle(Circle(cx: p.x, cy: p.y, r: lattice || small ? 3.5 : 6, fill: colour, role: role)))
            }
        }

        var labels: [Item] = []
        if !lattice && d.nodes.count <= 64 {
            for (node, p) in zip(d.nodes, positions) {
                labels.append(.text(Text(x: p.x + 8, y: p.y - 7, string: truncated(node.label, to: 12), size: FontSize.caption)))
            }
        }

        var y = top + plotHeight + margin
        var footer: [Item] = []
        if let caption = d.caption {
            y += 4
            footer.append(.text(Text(x: margin, y: y, string: caption, size: FontSize.caption, role: "caption")))
            y += 8
        }
        var legend: [Item] = []
        if !d.chainNames.isEmpty {
            var x = margin
            y += 14
            for (k, name) in d.chainNames.prefix(200).enumerated() {
                let text = truncated(name, to: 16)
                let w = 14 + textWidth(text, size: FontSize.legend) + 12
                if x + w > width - margin && x > margin { x = margin; y += 16 }
                legend.append(.rect(Rect(x: x, y: y - 9, width: 10, height: 10, fill: seriesColour(k))))
                legend.append(.text(Text(x: x + 14, y: y, string: text, size: FontSize.legend)))
                x += w
            }
            y += 4
        }
        var scene = Scene(width: width.rounded(.up), height: (y + margin).rounded(.up), title: d.title)
        scene.items.append(.group(role: "couplers", crisp: false, items: couplers))
        if !links.isEmpty { scene.items.append(.group(role: "links", crisp: false, items: links)) }
        if !chains.isEmpty { scene.items.append(.group(role: "chains", crisp: false, items: chains)) }
        scene.items.append(.group(role: "qubits", crisp: false, items: qubits))
        if !labels.isEmpty { scene.items.append(.group(role: "labels", crisp: false, items: labels)) }
        scene.items += footer
        if !legend.isEmpty { scene.items.append(.group(role: "legend", crisp: false, items: legend)) }
        if let title = d.title {
            scene.items.append(.text(Text(x: width / 2, y: margin + 10, string: title, size: FontSize.title, anchor: .middle,
                                          bold: true, role: "title")))
        }
        return scene
    }
}
