//! Strongly connected components of a CSR graph, in topological order,
//! without recursion (a million-node citation chain would overflow the
//! stack of a recursive Tarjan).

use super::csr::Adjacency;

/// Tarjan's algorithm with an explicit stack, on the nodes for which
/// `active` is true (arcs to other nodes are ignored). Returns the strong
/// components in topological order (a component comes before every
/// component it has an arc to), nodes of a component in the order Tarjan
/// pops them; roots are tried in ascending order, so the result depends only
/// on the graph.
pub(crate) fn scc_topological(out: &Adjacency, active: &[bool]) -> Vec<Vec<u32>> {
    const UNSET: u32 = u32::MAX;
    let n = out.len();
    let mut index = vec![UNSET; n];
    let mut low = vec![0u32; n];
    let mut on_stack = vec![false; n];
    let mut stack: Vec<u32> = Vec::new();
    // (node, position of its next arc)
    let mut call: Vec<(u32, usize)> = Vec::new();
    let mut counter = 0u32;
    let mut comps: Vec<Vec<u32>> = Vec::new();
    for root in 0..n {
        if !active[root] || index[root] != UNSET {
            continue;
        }
        index[root] = counter;
        low[root] = counter;
        counter += 1;
        stack.push(root as u32);
        on_stack[root] = true;
        call.push((root as u32, out.offsets[root]));
        while let Some(frame) = call.last_mut() {
            let v = frame.0 as usize;
            if frame.1 < out.offsets[v + 1] {
                let w = out.nbrs[frame.1] as usize;
                frame.1 += 1;
                if !active[w] {
                    continue;
                }
                if index[w] == UNSET {
                    index[w] = counter;
                    low[w] = counter;
                    counter += 1;
                    stack.push(w as u32);
                    on_stack[w] = true;
                    call.push((w as u32, out.offsets[w]));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            call.pop();
            if let Some(&(p, _)) = call.last() {
                let p = p as usize;
                low[p] = low[p].min(low[v]);
            }
            if low[v] == index[v] {
                let mut comp = Vec::new();
                loop {
                    let w = stack.pop().expect("v is on the stack");
                    on_stack[w as usize] = false;
                    comp.push(w);
                    if w as usize == v {
                        break;
                    }
                }
                comps.push(comp);
            }
        }
    }
    // Tarjan finishes a component after every component it reaches.
    comps.reverse();
    comps
}

#[cfg(test)]
mod tests {
    use super::*;

    fn adj(n: usize, arcs: &[(usize, usize)]) -> Adjacency {
        let mut sorted = arcs.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        Adjacency::group(n, sorted.len(), sorted.into_iter())
    }

    #[test]
    fn components_in_topological_order() {
        // 0 → {1, 2} ⇄ cycle 1 → 2 → 3 → 1, 3 → 4, 5 isolated, 6 → 6.
        let g = adj(7, &[(0, 1), (0, 2), (1, 2), (2, 3), (3, 1), (3, 4), (6, 6)]);
        let comps = scc_topological(&g, &[true; 7]);
        let mut sorted: Vec<Vec<u32>> = comps
            .iter()
            .map(|c| {
                let mut c = c.clone();
                c.sort_unstable();
                c
            })
            .collect();
        let pos = |v: u32| sorted.iter().position(|c| c.contains(&v)).unwrap();
        assert!(pos(0) < pos(1) && pos(1) < pos(4));
        assert_eq!(sorted[pos(2)], vec![1, 2, 3]);
        sorted.sort();
        assert_eq!(
            sorted,
            vec![vec![0], vec![1, 2, 3], vec![4], vec![5], vec![6]]
        );
        // Inactive nodes are left out and cut the cycle.
        let mut active = [true; 7];
        active[3] = false;
        let comps = scc_topological(&g, &active);
        assert_eq!(comps.len(), 6);
        assert!(comps.iter().all(|c| c.len() == 1 && c[0] != 3));
    }

    #[test]
    fn deep_chain_needs_no_recursion() {
        let n = 300_000;
        let arcs: Vec<(usize, usize)> =
            (0..n - 1).map(|i| (i, i + 1)).chain([(n - 1, 0)]).collect();
        let comps = scc_topological(&adj(n, &arcs), &vec![true; n]);
        assert_eq!(comps.len(), 1);
        assert_eq!(comps[0].len(), n);
    }
}
