//! A deterministic force-directed layout: ForceAtlas2 (Jacomy et al. 2014)
//! with Barnes–Hut repulsion, for the browser map.
//!
//! Nodes repel each other in proportion to the product of their masses
//! (degree + 1), edges pull their ends together linearly, and a "strong"
//! gravity keeps the components of the graph near the centre. The speed of
//! each step adapts globally and per node (swinging versus traction), as in
//! Gephi's implementation. Repulsion is approximated with a quadtree
//! (Barnes–Hut, `theta` 1.2): each node's force is computed on its own from
//! a tree shared read-only, in parallel, so the result is the same whatever
//! the number of threads; every other sum runs in a fixed order. Starting
//! positions come from a seeded generator: the same graph and seed give the
//! same layout, bit for bit.

use rayon::prelude::*;

/// Layout settings.
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutOptions {
    /// Iterations to run.
    pub iterations: usize,
    /// Repulsion strength (FA2's scaling ratio).
    pub scaling: f64,
    /// Gravity towards the centre (strong-gravity mode: grows with distance).
    pub gravity: f64,
    /// Barnes–Hut accuracy: a cell is taken as one body when its size over
    /// its distance is below `theta`.
    pub theta: f64,
    /// Longest move of a node in one iteration.
    pub max_step: f64,
    /// Seed of the starting positions.
    pub seed: u64,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            iterations: 200,
            scaling: 10.0,
            gravity: 0.05,
            theta: 1.2,
            max_step: 50.0,
            seed: 1,
        }
    }
}

/// Lays out `n` nodes linked by `edges` (pairs of positions below `n`;
/// direction is ignored). Returns one `(x, y)` per node.
pub fn force_atlas2(n: usize, edges: &[(u32, u32)], opts: &LayoutOptions) -> Vec<(f64, f64)> {
    if n == 0 {
        return Vec::new();
    }
    let mut mass = vec![1.0f64; n];
    for &(a, b) in edges {
        mass[a as usize] += 1.0;
        mass[b as usize] += 1.0;
    }
    let radius = (n as f64).sqrt() * 10.0;
    let mut state = opts.seed ^ 0x9E37_79B9_7F4A_7C15;
    let mut pos: Vec<(f64, f64)> = (0..n)
        .map(|_| {
            let x = (unit(&mut state) * 2.0 - 1.0) * radius;
            let y = (unit(&mut state) * 2.0 - 1.0) * radius;
            (x, y)
        })
        .collect();
    // A text cited by one text only (most of the graph) starts beside it:
    // the layout then only has to bring the citing texts together.
    let mut degree = vec![0u32; n];
    let mut other = vec![u32::MAX; n];
    for &(a, b) in edges {
        degree[a as usize] += 1;
        degree[b as usize] += 1;
        other[a as usize] = b;
        other[b as usize] = a;
    }
    for i in 0..n {
        let j = other[i] as usize;
        if degree[i] == 1 && degree[j] > 1 {
            let a = unit(&mut state) * std::f64::consts::TAU;
            pos[i] = (pos[j].0 + 10.0 * a.cos(), pos[j].1 + 10.0 * a.sin());
        }
    }
    let mut old = vec![(0.0f64, 0.0f64); n];
    let mut speed = 1.0f64;
    let mut efficiency = 1.0f64;
    for _ in 0..opts.iterations {
        let tree = QuadTree::build(&pos, &mass);
        let mut force: Vec<(f64, f64)> = (0..n)
            .into_par_iter()
            .map_init(Vec::new, |stack, i| {
                let (rx, ry) = tree.repulsion(i, &pos, &mass, opts.scaling, opts.theta, stack);
                let (x, y) = pos[i];
                (
                    rx - opts.gravity * mass[i] * x,
                    ry - opts.gravity * mass[i] * y,
                )
            })
            .collect();
        for &(a, b) in edges {
            let (a, b) = (a as usize, b as usize);
            let dx = pos[a].0 - pos[b].0;
            let dy = pos[a].1 - pos[b].1;
            force[a].0 -= dx;
            force[a].1 -= dy;
            force[b].0 += dx;
            force[b].1 += dy;
        }
        // Adaptive speed (Gephi's ForceAtlas2).
        let (mut swinging, mut traction) = (0.0, 0.0);
        for i in 0..n {
            let (fx, fy) = force[i];
            let (ox, oy) = old[i];
            swinging += mass[i] * ((fx - ox).powi(2) + (fy - oy).powi(2)).sqrt();
            traction += mass[i] * ((fx + ox).powi(2) + (fy + oy).powi(2)).sqrt() / 2.0;
        }
        if traction > 0.0 && swinging > 0.0 {
            let jitter = 0.05 * (n as f64).sqrt();
            let mut tolerance =
                (jitter * traction / (n as f64 * n as f64)).clamp(jitter.sqrt().min(10.0), 10.0);
            if swinging / traction > 2.0 {
                if efficiency > 0.05 {
                    efficiency *= 0.5;
                }
                tolerance = tolerance.max(1.0);
            }
            let target = tolerance * efficiency * traction / swinging;
            if swinging > tolerance * traction {
                if efficiency > 0.05 {
                    efficiency *= 0.7;
                }
            } else if speed < 1000.0 {
                efficiency *= 1.3;
            }
            speed += (target - speed).min(0.5 * speed);
        }
        for i in 0..n {
            let (fx, fy) = force[i];
            let (ox, oy) = old[i];
            let swing = mass[i] * ((fx - ox).powi(2) + (fy - oy).powi(2)).sqrt();
            let mut factor = speed / (1.0 + (speed * swing).sqrt());
            let f = (fx * fx + fy * fy).sqrt();
            if f > 0.0 {
                factor = factor.min(opts.max_step / f);
            }
            pos[i].0 += fx * factor;
            pos[i].1 += fy * factor;
        }
        old = force;
    }
    pos
}

/// A uniform number in [0, 1) from a splitmix64 state.
fn unit(state: &mut u64) -> f64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    (z >> 11) as f64 / (1u64 << 53) as f64
}

/// Deepest level of the quadtree: nodes at the same place end in one leaf.
const MAX_DEPTH: u32 = 40;

/// One quadtree cell.
#[derive(Debug, Clone)]
struct Cell {
    /// Side length.
    size: f64,
    /// Total mass and centre of mass.
    mass: f64,
    cx: f64,
    cy: f64,
    /// First child (four consecutive cells), or `u32::MAX` for a leaf.
    child: u32,
    /// For a leaf: range of its bodies in `QuadTree::bodies`.
    from: u32,
    to: u32,
}

/// A Barnes–Hut quadtree over the node positions.
#[derive(Debug)]
struct QuadTree {
    cells: Vec<Cell>,
    bodies: Vec<u32>,
}

impl QuadTree {
    fn build(pos: &[(f64, f64)], mass: &[f64]) -> QuadTree {
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for &(x, y) in pos {
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
        }
        let size = (x1 - x0).max(y1 - y0).max(1e-9);
        let mut tree = QuadTree {
            cells: Vec::with_capacity(pos.len() * 2),
            bodies: (0..pos.len() as u32).collect(),
        };
        tree.cells.push(Cell {
            size,
            mass: 0.0,
            cx: 0.0,
            cy: 0.0,
            child: u32::MAX,
            from: 0,
            to: pos.len() as u32,
        });
        tree.split(0, x0, y0, 0, pos, mass);
        tree
    }

    /// Fills cell `c` (square at `x0, y0`) over its bodies, splitting it
    /// into four when it holds more than one body.
    fn split(&mut self, c: usize, x0: f64, y0: f64, depth: u32, pos: &[(f64, f64)], mass: &[f64]) {
        let (from, to, size) = (
            self.cells[c].from as usize,
            self.cells[c].to as usize,
            self.cells[c].size,
        );
        let (mut m, mut sx, mut sy) = (0.0, 0.0, 0.0);
        for &b in &self.bodies[from..to] {
            let b = b as usize;
            m += mass[b];
            sx += mass[b] * pos[b].0;
            sy += mass[b] * pos[b].1;
        }
        let cell = &mut self.cells[c];
        cell.mass = m;
        cell.cx = sx / m;
        cell.cy = sy / m;
        if to - from <= 1 || depth >= MAX_DEPTH {
            return;
        }
        let half = size / 2.0;
        let (mx, my) = (x0 + half, y0 + half);
        let quadrant = |b: u32| {
            let (x, y) = pos[b as usize];
            usize::from(x >= mx) + 2 * usize::from(y >= my)
        };
        // Stable partition of the bodies into the four quadrants.
        let slice = &mut self.bodies[from..to];
        let mut counts = [0usize; 4];
        for &b in slice.iter() {
            counts[quadrant(b)] += 1;
        }
        let mut sorted = Vec::with_capacity(slice.len());
        for q in 0..4 {
            sorted.extend(slice.iter().copied().filter(|&b| quadrant(b) == q));
        }
        slice.copy_from_slice(&sorted);
        let first = self.cells.len();
        self.cells[c].child = first as u32;
        let mut at = from;
        for count in counts {
            self.cells.push(Cell {
                size: half,
                mass: 0.0,
                cx: 0.0,
                cy: 0.0,
                child: u32::MAX,
                from: at as u32,
                to: (at + count) as u32,
            });
            at += count;
        }
        for (q, count) in counts.into_iter().enumerate() {
            if count > 0 {
                let qx = if q & 1 == 1 { mx } else { x0 };
                let qy = if q & 2 == 2 { my } else { y0 };
                self.split(first + q, qx, qy, depth + 1, pos, mass);
            }
        }
    }

    /// The repulsion on node `i`: `scaling · m_i · m_j / d` from every other
    /// node, far cells taken whole.
    fn repulsion(
        &self,
        i: usize,
        pos: &[(f64, f64)],
        mass: &[f64],
        scaling: f64,
        theta: f64,
        stack: &mut Vec<u32>,
    ) -> (f64, f64) {
        let (x, y) = pos[i];
        let k = scaling * mass[i];
        let (mut fx, mut fy) = (0.0, 0.0);
        stack.clear();
        stack.push(0);
        while let Some(c) = stack.pop() {
            let cell = &self.cells[c as usize];
            if cell.mass == 0.0 {
                continue;
            }
            let (dx, dy) = (x - cell.cx, y - cell.cy);
            let d2 = dx * dx + dy * dy;
            if cell.child == u32::MAX {
                for &b in &self.bodies[cell.from as usize..cell.to as usize] {
                    let b = b as usize;
                    if b == i {
                        continue;
                    }
                    let (dx, dy) = (x - pos[b].0, y - pos[b].1);
                    let d2 = (dx * dx + dy * dy).max(0.01);
                    let f = k * mass[b] / d2;
                    fx += dx * f;
                    fy += dy * f;
                }
            } else if cell.size * cell.size < theta * theta * d2 {
                let f = k * cell.mass / d2;
                fx += dx * f;
                fy += dy * f;
            } else {
                for q in (0..4).rev() {
                    stack.push(cell.child + q);
                }
            }
        }
        (fx, fy)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring(n: u32) -> Vec<(u32, u32)> {
        (0..n).map(|i| (i, (i + 1) % n)).collect()
    }

    #[test]
    fn deterministic_and_finite() {
        let edges = ring(200);
        let opts = LayoutOptions {
            iterations: 80,
            ..LayoutOptions::default()
        };
        let a = force_atlas2(200, &edges, &opts);
        let b = force_atlas2(200, &edges, &opts);
        assert_eq!(a, b);
        assert!(a.iter().all(|p| p.0.is_finite() && p.1.is_finite()));
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let c = pool.install(|| force_atlas2(200, &edges, &opts));
        assert_eq!(a, c, "thread count changed the layout");
    }

    #[test]
    fn linked_nodes_end_closer_than_unlinked_ones() {
        // Two rings of 50, no link between them.
        let mut edges = ring(50);
        edges.extend(ring(50).into_iter().map(|(a, b)| (a + 50, b + 50)));
        let p = force_atlas2(100, &edges, &LayoutOptions::default());
        let d = |a: usize, b: usize| ((p[a].0 - p[b].0).powi(2) + (p[a].1 - p[b].1).powi(2)).sqrt();
        let within: f64 = (0..49).map(|i| d(i, i + 1)).sum::<f64>() / 49.0;
        let across: f64 = (0..50).map(|i| d(i, i + 50)).sum::<f64>() / 50.0;
        assert!(within < across, "within {within} across {across}");
    }

    #[test]
    fn tiny_graphs() {
        assert!(force_atlas2(0, &[], &LayoutOptions::default()).is_empty());
        let one = force_atlas2(1, &[], &LayoutOptions::default());
        assert!(one[0].0.is_finite());
        // Coincident nodes (same seed position is impossible, but many
        // nodes pulled to one point must not blow up).
        let star: Vec<(u32, u32)> = (1..500).map(|i| (0, i)).collect();
        let p = force_atlas2(500, &star, &LayoutOptions::default());
        assert!(p.iter().all(|q| q.0.is_finite() && q.1.is_finite()));
    }
}
