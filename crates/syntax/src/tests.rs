use super::*;

/// A tiny treebank we wrote: the same few shapes, other words.
fn ours() -> Vec<Tree> {
    let text = "\
1\tRebels\trebel\tNNS\tNNS\t_\t2\tnsubj\t_\t_
2\tattacked\tattack\tVBD\tVBD\t_\t0\troot\t_\t_
3\tthe\tthe\tDT\tDT\t_\t4\tdet\t_\t_
4\tbase\tbase\tNN\tNN\t_\t2\tdobj\t_\t_
5\t.\t.\t.\t.\t_\t2\tpunct\t_\t_

1\tPolice\tpolice\tNNS\tNNS\t_\t2\tnsubj\t_\t_
2\tdetained\tdetain\tVBD\tVBD\t_\t0\troot\t_\t_
3\tthe\tthe\tDT\tDT\t_\t4\tdet\t_\t_
4\tleader\tleader\tNN\tNN\t_\t2\tdobj\t_\t_
5\t.\t.\t.\t.\t_\t2\tpunct\t_\t_

1\tTroops\ttroop\tNNS\tNNS\t_\t2\tnsubj\t_\t_
2\tshelled\tshell\tVBD\tVBD\t_\t0\troot\t_\t_
3\tthe\tthe\tDT\tDT\t_\t4\tdet\t_\t_
4\ttown\ttown\tNN\tNN\t_\t2\tdobj\t_\t_
5\t.\t.\t.\t.\t_\t2\tpunct\t_\t_
";
    conllu::parse("ours.conllu", text).unwrap()
}

#[test]
fn a_model_trained_on_our_trees_parses_a_new_sentence_of_the_same_shape() {
    let s = Syntax::train(&ours(), 10, 1);
    let p = s.analyse(&["Rebels", "shelled", "the", "leader", "."]);
    let tags: Vec<&str> = p.tags.iter().map(|&t| s.tag_name(t)).collect();
    assert_eq!(tags, ["NNS", "VBD", "DT", "NN", "."]);
    assert_eq!(p.arcs.heads, [2, 0, 4, 2, 2]);
    let labels: Vec<&str> = p.arcs.labels.iter().map(|&l| s.label_name(l)).collect();
    assert_eq!(labels, ["nsubj", "root", "det", "dobj", "punct"]);
    let sc = evaluate(&s, &ours());
    assert_eq!((sc.pos, sc.uas, sc.las), (1.0, 1.0, 1.0));
}

#[test]
fn training_twice_gives_the_same_bytes() {
    let a = Syntax::train(&ours(), 3, 9);
    let b = Syntax::train(&ours(), 3, 9);
    assert_eq!(a.tagger.to_bytes(), b.tagger.to_bytes());
    assert_eq!(a.parser.to_bytes(), b.parser.to_bytes());
    let (m, l) = a.parser.to_bytes();
    let back = Syntax::from_bytes("x", &a.tagger.to_bytes(), &m, &l).unwrap();
    assert_eq!(
        back.analyse(&["Troops", "attacked"]),
        a.analyse(&["Troops", "attacked"])
    );
}

#[test]
fn every_word_gets_a_head_inside_the_sentence_and_empty_input_is_empty() {
    let s = Syntax::builtin();
    let words = [
        "Gunmen", "in", "a", "truck", "fired", "on", "a", "crowd", ",", "police", "said", ".",
    ];
    let p = s.analyse(&words);
    assert_eq!(p.arcs.heads.len(), words.len());
    assert!(p.arcs.heads.iter().all(|&h| h <= words.len()));
    assert_eq!(s.analyse(&[]), Parse::default());
}
