//! Methods that use their `self` (or `cls`), made testable on their own: the method stays a module-level function
//! `def m(self, x): ...` (the harvested task's source already is), and a trimmed copy of its class goes before it,
//! so that a test can build the instance itself: `assert m(C(2), 3) == 5`.
//!
//! [`classes`] reads the top-level classes of a module; [`class_prelude`] writes, for one method, its class (and
//! the same-module classes it derives from) with only the members the method can reach: the constructor and
//! attribute hooks, and every member whose name appears in the method or in another member kept, transitively
//! (all special methods as well when a kept member passes its `self` around: `len(self)`, `self == other`). A
//! member that calls the method itself through `self.m(...)` reaches the module-level function through a stub.
//!
//! What cannot work once the method is outside its class is refused with a reason: zero-argument `super()` and
//! `__class__` (they need the class cell), private names `self.__x` (mangled only inside a class), bases,
//! metaclasses and class decorators from modules with I/O (those from modules without, `abc.ABC`, `@dataclass`,
//! are imported by the caller, and such a class keeps all its fields), a method defined twice (a property's
//! setter), and names that the module-level function would shadow.

use std::collections::{BTreeSet, HashMap};

use crate::syntax::{self, NodeId, Tree};

/// Bases a class may have and still be written standalone: the builtin types and exceptions.
const BUILTIN_BASES: &[&str] = &[
    "object",
    "int",
    "float",
    "complex",
    "str",
    "bytes",
    "bytearray",
    "list",
    "tuple",
    "dict",
    "set",
    "frozenset",
    "BaseException",
    "Exception",
    "ArithmeticError",
    "LookupError",
    "ValueError",
    "TypeError",
    "KeyError",
    "IndexError",
    "RuntimeError",
    "AttributeError",
    "NotImplementedError",
    "OSError",
    "UnicodeError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "EOFError",
    "StopIteration",
    "Warning",
    "UserWarning",
    "DeprecationWarning",
    "SyntaxError",
];

/// Members always kept: how an instance is built and how its attributes are looked up.
const ALWAYS: &[&str] = &[
    "__init__",
    "__new__",
    "__post_init__",
    "__slots__",
    "__getattr__",
    "__getattribute__",
    "__setattr__",
    "__delattr__",
    "__init_subclass__",
];

/// Deepest chain of same-module base classes followed.
const MAX_DEPTH: usize = 4;
/// Longest class prelude written, in bytes.
pub(super) const MAX_CLASS_PRELUDE_BYTES: usize = 3000;

/// One statement of a class body.
#[derive(Debug, Clone)]
struct Member {
    /// Names it defines (a method's, an assignment's targets).
    names: Vec<String>,
    /// Its source lines, with their indentation (decorators included).
    text: String,
    /// Every identifier in it, attribute names included.
    idents: BTreeSet<String>,
    /// Identifiers in it that are not attribute names or keyword-argument names.
    bare: BTreeSet<String>,
    /// It uses its `self`/`cls` other than to read an attribute (passes it on, compares it, iterates it).
    passes_receiver: bool,
    /// For a method: its decorator lines (with indentation), and its first parameter.
    decorators: String,
    receiver: Option<String>,
}

/// One argument of a class header (`Base`, `abc.ABC`, `metaclass=ABCMeta`) or a class decorator.
#[derive(Debug, Clone, PartialEq, Eq)]
struct External {
    /// As written.
    text: String,
    /// The name it starts with (`Base`, `abc`, `ABCMeta`): a class of the module, a builtin, or a name the module
    /// defines or imports.
    root: String,
    /// A plain base class name, which may be a class of the same module.
    base: bool,
}

/// A top-level class of a module.
#[derive(Debug, Clone)]
pub(super) struct ClassDef {
    /// Header arguments; `Err` when they cannot be written standalone (calls, subscripts, generics).
    bases: Result<Vec<External>, &'static str>,
    /// Decorator lines (at column 0), each with its root name.
    decorators: Vec<External>,
    /// The indentation of the body.
    indent: String,
    members: Vec<Member>,
}

/// A module's top-level classes by name (the last definition of a name wins, as at run time).
pub(super) type Classes = HashMap<String, ClassDef>;

/// The top-level classes of a module (see the module doc).
pub(super) fn classes(tree: &Tree) -> Classes {
    let mut out = Classes::new();
    for id in tree.children(0) {
        let class = match tree.node(id).kind {
            "class_definition" => id,
            "decorated_definition" => match tree.children(id).find(|&c| tree.node(c).field == Some("definition")) {
                Some(def) if tree.node(def).kind == "class_definition" => def,
                _ => continue,
            },
            _ => continue,
        };
        let Some(name) = field(tree, class, "name").map(|n| tree.text(tree.node(n).span).to_string()) else {
            continue;
        };
        let Some(body) = field(tree, class, "body") else { continue };
        let mut bases = bases_of(tree, class);
        let mut decorators = Vec::new();
        for d in tree.children(id).filter(|&c| tree.node(c).kind == "decorator") {
            let text = tree.text(tree.node(d).span).to_string();
            match root_name(text.trim_start_matches('@').trim_start()) {
                Some(root) if !text.contains('\n') => decorators.push(External { text, root, base: false }),
                _ => bases = Err("decorator"),
            }
        }
        let source = tree.source();
        let indent = syntax::indentation_at(source, tree.node(body).span.start as usize).to_string();
        let members = tree.children(body).filter_map(|m| member(tree, m)).collect();
        out.insert(name, ClassDef { bases, decorators, indent, members });
    }
    out
}

fn field(tree: &Tree, id: NodeId, name: &str) -> Option<NodeId> {
    tree.children(id).find(|&c| tree.node(c).field == Some(name))
}

/// The identifier a dotted name or a call of one starts with: `abc` of `abc.ABC`, `dataclass` of
/// `dataclass(frozen=True)`.
fn root_name(text: &str) -> Option<String> {
    let end = text.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(text.len());
    let root = &text[..end];
    (!root.is_empty() && !root.starts_with(|c: char| c.is_ascii_digit())).then(|| root.to_string())
}

fn bases_of(tree: &Tree, class: NodeId) -> Result<Vec<External>, &'static str> {
    if field(tree, class, "type_parameters").is_some() {
        return Err("generic class");
    }
    let Some(list) = field(tree, class, "superclasses") else { return Ok(Vec::new()) };
    let mut bases = Vec::new();
    for arg in tree.children(list).filter(|&c| tree.node(c).named && !tree.node(c).extra) {
        let text = tree.text(tree.node(arg).span).to_string();
        let (value, base) = match tree.node(arg).kind {
            "identifier" => (arg, true),
            "attribute" => (arg, false),
            "keyword_argument" if text.starts_with("metaclass") => {
                (field(tree, arg, "value").ok_or("class keywords")?, false)
            }
            "keyword_argument" => return Err("class keywords"),
            _ => return Err("computed base"),
        };
        if !matches!(tree.node(value).kind, "identifier" | "attribute") {
            return Err("computed base");
        }
        let root = root_name(tree.text(tree.node(value).span)).ok_or("computed base")?;
        bases.push(External { text, root, base });
    }
    Ok(bases)
}

fn member(tree: &Tree, id: NodeId) -> Option<Member> {
    let node = tree.node(id);
    if node.extra {
        return None;
    }
    let source = tree.source();
    let start = node.span.start as usize;
    if !syntax::line_starts_at(source, start) {
        return None;
    }
    let line_start = syntax::line_start(source, start);
    let text = source[line_start..node.span.end as usize].to_string();
    let (definition, decorators) = match node.kind {
        "decorated_definition" => {
            let def = field(tree, id, "definition")?;
            let def_start = tree.node(def).span.start as usize;
            let def_line = syntax::line_start(source, def_start);
            (def, source[line_start..def_line].to_string())
        }
        _ => (id, String::new()),
    };
    let mut names = Vec::new();
    let mut receiver = None;
    match tree.node(definition).kind {
        "function_definition" | "class_definition" => {
            names.push(tree.text(tree.node(field(tree, definition, "name")?).span).to_string());
            if tree.node(definition).kind == "function_definition"
                && let Some(params) = field(tree, definition, "parameters")
                && let Some(first) = tree.children(params).find(|&c| tree.node(c).named && !tree.node(c).extra)
                && tree.node(first).kind == "identifier"
            {
                receiver = Some(tree.text(tree.node(first).span).to_string());
            }
        }
        "expression_statement" => {
            // `x = 1`, `a = b = 2`, `x: int = 0`, `__slots__ = (...)`: the identifiers assigned to.
            let mut stack: Vec<NodeId> = tree.children(definition).collect();
            while let Some(n) = stack.pop() {
                if tree.node(n).kind == "assignment" {
                    if let Some(left) = field(tree, n, "left") {
                        let mut targets = vec![left];
                        while let Some(t) = targets.pop() {
                            match tree.node(t).kind {
                                "identifier" => names.push(tree.text(tree.node(t).span).to_string()),
                                "pattern_list" | "tuple_pattern" => targets.extend(tree.children(t)),
                                _ => {}
                            }
                        }
                    }
                    if let Some(right) = field(tree, n, "right") {
                        stack.push(right);
                    }
                }
            }
            if names.is_empty() {
                return None; // a docstring, a bare call
            }
        }
        _ => return None, // `pass`, conditional definitions
    }
    let (idents, bare, passes_receiver) = identifiers(tree, id, receiver.as_deref());
    Some(Member { names, text, idents, bare, passes_receiver, decorators, receiver })
}

/// Identifiers under `id`: all, those not used as attribute or keyword-argument names, and whether `receiver`
/// appears other than as the object of an attribute (or as the parameter itself).
fn identifiers(tree: &Tree, id: NodeId, receiver: Option<&str>) -> (BTreeSet<String>, BTreeSet<String>, bool) {
    let mut all = BTreeSet::new();
    let mut bare = BTreeSet::new();
    let mut passes = false;
    let end = tree.node(id).subtree_end;
    for n in id..end {
        let node = tree.node(n);
        if node.kind != "identifier" {
            continue;
        }
        let text = tree.text(node.span);
        all.insert(text.to_string());
        let parent = node.parent.map(|p| tree.node(p).kind);
        let attribute_name = node.field == Some("attribute") && parent == Some("attribute");
        let keyword_name = node.field == Some("name") && parent == Some("keyword_argument");
        if !attribute_name && !keyword_name {
            bare.insert(text.to_string());
        }
        if Some(text) == receiver {
            let object = node.field == Some("object") && parent == Some("attribute");
            if !object && parent != Some("parameters") {
                passes = true;
            }
        }
    }
    (all, bare, passes)
}

/// What a method needs before it, and how its first argument is made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ClassPrelude {
    /// The class definitions, bases first.
    pub text: String,
    /// The method's own class, whose instance (or itself, for `cls`) is the first argument.
    pub class: String,
    /// The first parameter is `cls`: the argument is the class, not an instance.
    pub class_receiver: bool,
}

/// The class prelude of method `method` of top-level class `class`, whose dedented source is `source` (see the
/// module doc); `Err` with the reason it cannot be made standalone.
///
/// Header arguments and decorators that are neither classes of the module nor builtins must start with a name for
/// which `known` is true (a module without I/O, a name the module imports from one): the caller puts its
/// definition before the classes.
pub(super) fn class_prelude(
    classes: &Classes,
    known: &dyn Fn(&str) -> bool,
    class: &str,
    method: &str,
    source: &str,
) -> Result<ClassPrelude, &'static str> {
    let tree = syntax::parse(source);
    let func = tree.children(0).find(|&c| tree.node(c).kind == "function_definition").ok_or("not a function")?;
    let params = field(&tree, func, "parameters").ok_or("not a function")?;
    let receiver = tree
        .children(params)
        .find(|&c| tree.node(c).named && !tree.node(c).extra)
        .filter(|&c| tree.node(c).kind == "identifier")
        .map(|c| tree.text(tree.node(c).span).to_string())
        .ok_or("no receiver")?;
    if matches!(method, "__init__" | "__new__" | "__del__" | "__init_subclass__") {
        return Err("constructor");
    }
    let (idents, _, passes_receiver) = identifiers(&tree, func, Some(&receiver));
    if idents.contains("super") || idents.contains("__class__") {
        return Err("uses super()");
    }
    if idents.iter().any(|i| i.starts_with("__") && !i.ends_with("__")) {
        return Err("private name");
    }
    // The function's own name, read as a global in its body, would now be the function itself.
    let own_name_uses = (func..tree.node(func).subtree_end)
        .filter(|&n| {
            let node = tree.node(n);
            node.kind == "identifier"
                && tree.text(node.span) == method
                && !(node.field == Some("attribute") && node.parent.is_some_and(|p| tree.node(p).kind == "attribute"))
                && !(node.field == Some("name") && node.parent.is_some_and(|p| tree.node(p).kind == "keyword_argument"))
        })
        .count();
    if own_name_uses > 1 {
        return Err("shadowed name");
    }
    // The class and its same-module bases, the class first; classes with a base or a decorator from elsewhere
    // keep all their class-level assignments (the fields of a dataclass, a named tuple, an enum).
    let mut chain: Vec<(&str, &ClassDef)> = Vec::new();
    let mut fields: Vec<bool> = Vec::new();
    let mut queue: Vec<(String, usize)> = vec![(class.to_string(), 0)];
    while let Some((name, depth)) = queue.pop() {
        if chain.iter().any(|(n, _)| *n == name) {
            continue;
        }
        let Some((key, def)) = classes.get_key_value(&name) else {
            return Err("class not at top level");
        };
        if depth > MAX_DEPTH {
            return Err("deep class hierarchy");
        }
        let bases = def.bases.as_ref().map_err(|e| *e)?;
        let mut external = !def.decorators.is_empty();
        for e in bases.iter().chain(&def.decorators) {
            if e.base && classes.contains_key(&e.root) {
                continue;
            }
            if BUILTIN_BASES.contains(&e.root.as_str()) {
                external |= !e.base;
                continue;
            }
            if !known(&e.root) {
                return Err("base from another module");
            }
            external = true;
        }
        chain.push((key.as_str(), def));
        fields.push(external);
        let local = bases.iter().rev().filter(|b| b.base && classes.contains_key(&b.root));
        queue.extend(local.map(|b| (b.root.clone(), depth + 1)));
    }
    if chain.iter().any(|(n, _)| *n == method) {
        return Err("shadowed name");
    }
    let own = &chain[0].1.members;
    let definitions = own.iter().filter(|m| m.receiver.is_some() && m.names.iter().any(|n| n == method)).count();
    if definitions > 1 {
        return Err("method defined twice");
    }
    // Members reachable from the method, transitively.
    let mut needed: BTreeSet<String> = idents;
    needed.extend(ALWAYS.iter().map(|s| s.to_string()));
    let mut all_dunders = passes_receiver;
    let mut kept: Vec<Vec<bool>> = chain.iter().map(|(_, d)| vec![false; d.members.len()]).collect();
    let mut stub = own_name_uses_through_attribute(&tree, func, method);
    loop {
        let mut changed = false;
        for (c, (_, def)) in chain.iter().enumerate() {
            for (i, m) in def.members.iter().enumerate() {
                if kept[c][i] {
                    continue;
                }
                let is_entry = c == 0 && m.receiver.is_some() && m.names.iter().any(|n| n == method);
                if is_entry {
                    continue;
                }
                let dunder = (all_dunders || (fields[c] && m.receiver.is_some()))
                    && m.names.iter().any(|n| n.starts_with("__") && n.ends_with("__"));
                let field = fields[c] && m.receiver.is_none() && !m.text.trim_start().starts_with("class ");
                if !dunder && !field && !m.names.iter().any(|n| needed.contains(n)) {
                    continue;
                }
                if m.bare.contains(method) {
                    return Err("shadowed name");
                }
                kept[c][i] = true;
                changed = true;
                needed.extend(m.idents.iter().cloned());
                all_dunders |= m.passes_receiver;
                stub |= m.idents.contains(method);
            }
        }
        if !changed {
            break;
        }
    }
    let mut text = String::new();
    for (c, (name, def)) in chain.iter().enumerate().rev() {
        let bases: Vec<&str> =
            def.bases.as_ref().map_err(|e| *e)?.iter().map(|b| b.text.as_str()).filter(|b| *b != "object").collect();
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        for d in &def.decorators {
            text.push_str(&d.text);
            text.push('\n');
        }
        text.push_str(&format!("class {name}"));
        if !bases.is_empty() {
            text.push_str(&format!("({})", bases.join(", ")));
        }
        text.push_str(":\n");
        let mut any = false;
        for (i, m) in def.members.iter().enumerate() {
            let is_entry = c == 0 && m.receiver.is_some() && m.names.iter().any(|n| n == method);
            if is_entry && stub {
                // `self.m(...)` in the class reaches the module-level function.
                let r = m.receiver.as_deref().unwrap_or(&receiver);
                text.push_str(&m.decorators);
                text.push_str(&format!(
                    "{indent}def {method}({r}, *args, **kwargs):\n{indent}    return {method}({r}, *args, **kwargs)\n",
                    indent = def.indent
                ));
                any = true;
            } else if kept[c][i] {
                text.push_str(&m.text);
                text.push('\n');
                any = true;
            }
        }
        if !any {
            text.push_str(&format!("{}pass\n", def.indent));
        }
    }
    if text.len() > MAX_CLASS_PRELUDE_BYTES {
        return Err("class too large");
    }
    Ok(ClassPrelude { text, class: class.to_string(), class_receiver: receiver == "cls" })
}

/// Whether the function's body names `method` as an attribute (`self.m(...)`, a recursive call).
fn own_name_uses_through_attribute(tree: &Tree, func: NodeId, method: &str) -> bool {
    (func..tree.node(func).subtree_end).any(|n| {
        let node = tree.node(n);
        node.kind == "identifier" && tree.text(node.span) == method && node.field == Some("attribute")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MODULE: &str = "\
import re

class Base:
    sep = ','

    def __init__(self, items=()):
        self.items = list(items)

    def joined(self):
        return self.sep.join(self.items)

    def unused(self):
        return 42

class Stack(Base):
    \"\"\"A stack.\"\"\"
    limit = 10
    table = {1: 2}

    def push(self, x):
        if len(self.items) >= self.limit:
            raise ValueError
        self.items.append(x)
        return x

    def describe(self, n):
        self.push(n)
        return self.joined() + '!'

    def count(self, n):
        if n <= 0:
            return 0
        return 1 + self.count(n - 1)

    def __len__(self):
        return len(self.items)

    def size(self):
        return len(self)

    def sup(self):
        return super().joined()

    def private(self):
        return self.__secret

    @classmethod
    def make(cls, n):
        return cls([n]).joined()

    @property
    def top(self):
        return self.items[-1]

    @top.setter
    def top(self, v):
        self.items[-1] = v

class Other(re.Pattern):
    def f(self):
        return self.x

@dataclass
class Point(abc.ABC, metaclass=abc.ABCMeta):
    x: int = 0
    y: int = 0
    unused = 3

    def norm(self):
        return abs(self.x) + abs(self.y)

    def __eq__(self, other):
        return False

class Shadow:
    def g(self):
        return self.h()

    def h(self):
        return g(1)
";

    fn method(name: &str) -> String {
        let tree = syntax::parse(MODULE);
        let (tasks, _) = super::super::extract_functions(
            &tree,
            "m.py",
            super::super::Origin::Directory,
            &super::super::FunctionLimits { min_leaves: 1, ..Default::default() },
        );
        tasks.into_iter().find(|t| t.id == format!("m.py:{name}")).map(|t| t.source).unwrap_or_default()
    }

    fn prelude(class: &str, name: &str) -> Result<ClassPrelude, &'static str> {
        let classes = classes(&syntax::parse(MODULE));
        class_prelude(&classes, &|name| name == "abc", class, name, &method(&format!("{class}.{name}")))
    }

    #[test]
    fn keeps_the_constructor_and_what_the_method_reaches() {
        let p = prelude("Stack", "describe").unwrap();
        assert_eq!(p.class, "Stack");
        assert!(!p.class_receiver);
        assert_eq!(
            p.text,
            "class Base:\n    sep = ','\n    def __init__(self, items=()):\n        self.items = list(items)\n    \
             def joined(self):\n        return self.sep.join(self.items)\n\n\n\
             class Stack(Base):\n    limit = 10\n    def push(self, x):\n        if len(self.items) >= self.limit:\n            \
             raise ValueError\n        self.items.append(x)\n        return x\n"
        );
        // `Base.unused`, `Stack.table` and the other methods are left out; the program is valid Python.
        let program = format!("{}\n\n{}", p.text, method("Stack.describe"));
        assert!(!syntax::parse(program.as_str()).has_error());
    }

    #[test]
    fn recursion_through_self_goes_through_a_stub() {
        let p = prelude("Stack", "count").unwrap();
        assert!(
            p.text.contains("    def count(self, *args, **kwargs):\n        return count(self, *args, **kwargs)\n"),
            "{}",
            p.text
        );
        // No stub when nothing calls it.
        assert!(!prelude("Stack", "describe").unwrap().text.contains("def describe"));
    }

    #[test]
    fn passing_self_around_keeps_the_special_methods() {
        let p = prelude("Stack", "size").unwrap();
        assert!(p.text.contains("def __len__(self)"), "{}", p.text);
        assert!(!prelude("Stack", "describe").unwrap().text.contains("__len__"));
    }

    #[test]
    fn class_methods_get_the_class_and_keep_decorators_of_members() {
        let p = prelude("Stack", "make").unwrap();
        assert!(p.class_receiver);
        assert!(p.text.contains("def joined(self)"), "{}", p.text);
    }

    #[test]
    fn classes_from_modules_without_io_keep_their_fields() {
        let classes = classes(&syntax::parse(MODULE));
        let known = |name: &str| matches!(name, "abc" | "dataclass");
        let p = class_prelude(&classes, &known, "Point", "norm", &method("Point.norm")).unwrap();
        assert_eq!(
            p.text,
            "@dataclass\nclass Point(abc.ABC, metaclass=abc.ABCMeta):\n    x: int = 0\n    y: int = 0\n    unused = 3\n    \
             def __eq__(self, other):\n        return False\n"
        );
        let unknown = |name: &str| name == "abc";
        assert_eq!(
            class_prelude(&classes, &unknown, "Point", "norm", &method("Point.norm")),
            Err("base from another module")
        );
    }

    #[test]
    fn refuses_what_needs_the_class_body() {
        assert_eq!(prelude("Stack", "sup"), Err("uses super()"));
        assert_eq!(prelude("Stack", "private"), Err("private name"));
        assert_eq!(prelude("Stack", "top"), Err("method defined twice"));
        assert_eq!(prelude("Other", "f"), Err("base from another module"));
        // `h` calls a global `g`, which the module-level `g` would replace.
        assert_eq!(prelude("Shadow", "g"), Err("shadowed name"));
        let classes = classes(&syntax::parse(MODULE));
        let g = method("Shadow.g");
        assert_eq!(class_prelude(&classes, &|_| true, "Missing", "g", &g), Err("class not at top level"));
    }
}
