import { EmbeddedActionsParser, EOF, isRecognitionException, MismatchedTokenException, tokenMatcher, type IToken, type TokenType } from "chevrotain";
import type { AnyDeclKind, Declaration, Expr, Ident, KeyResult, Member, Modifier, ModifierKeyword, Phrase, Property, QualifiedName, StringLit, Value, View } from "../ast/nodes.js";
import type { Span } from "../text/span.js";
import type { PmmToken } from "./lexer.js";
import { atomExpr, atomPhrase, endOf, ident, makeDecl, NONE, oneTokenValue, simpleImage, tokenSpan } from "./build-nodes.js";
import { describeToken, errorMessages } from "./messages.js";
import * as T from "./tokens.js";

/** Parentheses, brackets and braces may nest this deep (grammar/LANGUAGE.md sections 3–4). */
export const MAX_NESTING = 256;

/**
 * Binary operators one value may hold: a left-leaning chain this long is as
 * deep as it is long, and every walker over expressions recurses.
 */
export const MAX_OPERATORS = 1000;

/** A syntax error found by the parser. */
export interface ParseError {
  readonly span: Span;
  readonly message: string;
}

interface DeclDraft {
  label: string;
  members: Member[];
}

/** A key result's value as parsed, before the `by` and the block: the value fields of `KeyResult` and where it ends. */
type KrValue = Pick<KeyResult, "form" | "from" | "to" | "change" | "sign" | "bound" | "formSpan"> & { readonly end: number };

const NO_KR_VALUE: KrValue = { form: "move", from: null, to: null, change: null, sign: null, bound: null, formSpan: null, end: 0 };

/** The syntax message for a key result value that is none of the five forms. */
const KR_FORMS_MESSAGE =
  "a key result needs `FROM -> TO`, `-> TO` (no stated start), `+CHANGE` or `-CHANGE` (`-35%`), `at most VALUE` or `at least VALUE`, or `done` (a milestone)";

/**
 * The grammar of grammar/LANGUAGE.md sections 3–4 as a Chevrotain parser with embedded
 * actions: it builds the AST directly (no CST), which keeps it fast. Error
 * recovery is explicit: a broken member skips to the next member, junk at the
 * top level skips to the next declaration, and a missing `}` ends the block
 * where the next declaration starts.
 */
class PmmParser extends EmbeddedActionsParser {
  /** Errors the grammar reports itself (missing `}`, junk, nesting). */
  extraErrors: ParseError[] = [];
  private depth = 0;
  /** The declaration or member whose block is being parsed (for junk messages). */
  private memberDraft: DeclDraft = { label: "", members: [] };
  /** Binary operators in the value being parsed (reset per phrase and key result). */
  private operators = 0;
  /** The declarations of the file being parsed. */
  private declarations: Declaration[] = [];

  /**
   * `validate` runs Chevrotain's grammar checks (ambiguities, left recursion…),
   * which cost ~8 ms of every start; the test suite runs them (`checkGrammar`).
   */
  constructor(validate = false) {
    super(T.ALL_TOKENS, { maxLookahead: 2, recoveryEnabled: false, errorMessageProvider: errorMessages, skipValidations: !validate });
    this.performSelfAnalysis();
  }

  /** Resets for a new token vector. */
  load(tokens: IToken[]): void {
    this.input = tokens;
    this.extraErrors = [];
    this.depth = 0;
    this.operators = 0;
  }

  file = this.RULE("file", (): Declaration[] => {
    const decls: Declaration[] = [];
    this.declarations = decls;
    this.MANY(() => {
      this.OR(this.fileAlts);
    });
    return decls;
  });

  private readonly fileAlts = [
    {
      ALT: () => {
        const d = this.SUBRULE(this.declaration);
        this.ACTION(() => this.declarations.push(d));
      },
    },
    { ALT: () => this.SUBRULE(this.topJunk) },
  ];

  private topJunk = this.RULE("topJunk", () => {
    const first = this.CONSUME(T.NotKind);
    this.ACTION(() => {
      this.extraErrors.push({
        span: tokenSpan(first),
        message: `expected a declaration such as \`metric\`, \`team\` or \`okr\`, found ${describeToken(first)}`,
      });
      while (!this.atEnd() && !this.atDeclStart()) this.SKIP_TOKEN();
    });
  });

  private declaration = this.RULE("declaration", (): Declaration => {
    return this.OR([{ ALT: () => this.SUBRULE(this.tradeoffDecl) }, { ALT: () => this.SUBRULE(this.idDecl) }]);
  });

  private idDecl = this.RULE("idDecl", (): Declaration => {
    const kw = this.CONSUME(T.IdKindWord);
    const kind = kw.image as AnyDeclKind;
    let id: Ident | null = null;
    let title: StringLit | null = null;
    let from: QualifiedName | null = null;
    const draft: DeclDraft = { label: `\`${kind}\``, members: [] };
    let block: { span: Span; unclosed: boolean } | null = null;
    try {
      const idTok = this.CONSUME(T.Name);
      this.ACTION(() => {
        id = ident(idTok);
        draft.label = `\`${kind} ${idTok.image}\``;
      });
      this.OPTION(() => {
        const s = this.CONSUME(T.StringTok) as PmmToken;
        this.ACTION(() => (title = s.literal as StringLit));
      });
      this.OPTION2(() => {
        this.CONSUME(T.From);
        from = this.SUBRULE(this.qname);
      });
      this.OPTION3(() => {
        block = this.SUBRULE(this.block, { ARGS: [draft] });
      });
    } catch (e) {
      if (!isRecognitionException(e as Error)) throw e;
      // A broken header: skip to its block (and parse it) or to the next declaration.
      while (!this.atEnd() && !this.atDeclStart() && this.LA(1).tokenType !== T.LCurly) this.SKIP_TOKEN();
      if (this.LA(1).tokenType === T.LCurly) block = this.SUBRULE2(this.block, { ARGS: [draft] });
    }
    return this.ACTION(() => makeDecl(kind, kw, id, title, from, null, null, draft.members, block?.span ?? null, block?.unclosed ?? false, this.LA(0)));
  });

  private tradeoffDecl = this.RULE("tradeoffDecl", (): Declaration => {
    const kw = this.CONSUME(T.Tradeoff);
    let primary: Ident | null = null;
    let guard: Ident | null = null;
    const draft: DeclDraft = { label: "`tradeoff`", members: [] };
    let block: { span: Span; unclosed: boolean } | null = null;
    try {
      const p = this.CONSUME(T.Name);
      this.CONSUME(T.Vs);
      const g = this.CONSUME2(T.Name);
      this.ACTION(() => {
        primary = ident(p);
        guard = ident(g);
        draft.label = `\`tradeoff ${p.image} vs ${g.image}\``;
      });
      this.OPTION(() => {
        block = this.SUBRULE(this.block, { ARGS: [draft] });
      });
    } catch (e) {
      if (!isRecognitionException(e as Error)) throw e;
      while (!this.atEnd() && !this.atDeclStart() && this.LA(1).tokenType !== T.LCurly) this.SKIP_TOKEN();
      if (this.LA(1).tokenType === T.LCurly) block = this.SUBRULE2(this.block, { ARGS: [draft] });
    }
    return this.ACTION(() => makeDecl("tradeoff", kw, null, null, null, primary, guard, draft.members, block?.span ?? null, block?.unclosed ?? false, this.LA(0)));
  });

  private qname = this.RULE("qname", (): QualifiedName => {
    const parts: IToken[] = [this.CONSUME(T.Name)];
    this.MANY(() => {
      this.CONSUME(T.Dot);
      parts.push(this.CONSUME2(T.Name));
    });
    return this.ACTION(() => {
      const idents = parts.map(ident);
      return {
        parts: idents,
        text: idents.map((p) => p.name).join("."),
        span: { start: idents[0]!.span.start, end: idents[idents.length - 1]!.span.end },
      };
    });
  });

  /** `{ member* }`; returns the block span and whether `}` was missing. */
  private block = this.RULE("block", (draft: DeclDraft): { span: Span; unclosed: boolean } => {
    const open = this.CONSUME(T.LCurly);
    this.ACTION(() => {
      if (++this.depth > MAX_NESTING) this.tooDeep(open);
    });
    try {
      this.MANY({
        GATE: () => !this.atBlockEnd(),
        DEF: () => {
          // the draft travels in a field, not in ARGS: no allocation per member
          this.memberDraft = draft;
          // a member (not a rule of its own: one rule less per property); a broken one skips to the next
          let m: Member | null;
          try {
            m = this.OR(this.memberAlts);
          } catch (e) {
            if (!isRecognitionException(e as Error)) throw e;
            if (!this.RECORDING_PHASE) this.skipToMember();
            m = null;
          }
          if (m && !this.RECORDING_PHASE) draft.members.push(m);
        },
      });
    } finally {
      this.ACTION(() => this.depth--);
    }
    let close: IToken | undefined;
    this.OPTION(() => {
      close = this.CONSUME(T.RCurly);
    });
    return this.ACTION(() => {
      if (close) return { span: { start: open.startOffset, end: endOf(close) }, unclosed: false };
      const found = this.LA(1);
      const last = this.LA(0);
      this.extraErrors.push({
        span: tokenMatcher(found, EOF) ? tokenSpan(open) : tokenSpan(found),
        message: `expected \`}\` to close ${draft.label}, found ${describeToken(found)}`,
      });
      return { span: { start: open.startOffset, end: Math.max(endOf(open), endOf(last)) }, unclosed: true };
    });
  });

  /** The alternatives of `member`, built once (Chevrotain's advice for hot `OR`s). */
  private readonly memberAlts = [
    { ALT: (): Member | null => this.SUBRULE(this.property) },
    { ALT: (): Member | null => this.SUBRULE(this.keyResult) },
    { ALT: (): Member | null => this.SUBRULE(this.view) },
    {
      ALT: (): Member | null => {
        return this.SUBRULE(this.memberJunk, { ARGS: [this.memberDraft] });
      },
      IGNORE_AMBIGUITIES: true,
    },
  ];

  private memberJunk = this.RULE("memberJunk", (draft: DeclDraft): Member | null => {
    const first = this.CONSUME(T.NotClose);
    return this.ACTION(() => {
      const next = this.LA(1);
      // `type input`: a property without its `:` and a one-token value (not the next `name:`) is read as meant
      const value = tokenMatcher(first, T.Name) && !tokenMatcher(next, T.Colon) && this.LA(2).tokenType !== T.Colon ? oneTokenValue(next as PmmToken) : null;
      if (value) {
        this.extraErrors.push({ span: tokenSpan(first), message: `expected \`:\` after \`${first.image}\`: write \`${first.image}: ${next.image}\`` });
        this.SKIP_TOKEN();
        const name = ident(first);
        return { type: "property", name, value, span: { start: name.span.start, end: value.span.end } };
      }
      const message =
        tokenMatcher(first, T.Name) && !tokenMatcher(next, T.Colon)
          ? `expected \`:\` after \`${first.image}\`, found ${describeToken(next)}`
          : first.tokenType === T.Comma
            ? "remove the `,`: properties are separated by blanks or new lines"
            : `expected a property, \`kr\`, \`view\` or \`}\` in ${draft.label}, found ${describeToken(first)}`;
      this.extraErrors.push({ span: tokenSpan(first), message });
      this.skipToMember();
      return null;
    });
  });

  private property = this.RULE("property", (): Property => {
    const name = this.CONSUME(T.Name);
    this.CONSUME(T.Colon);
    let value: Value | null = null;
    try {
      value = this.OR(this.valueAlts);
      // `inputs: a, b` — a list without its brackets: read as the list it means, with one error
      const items: Phrase[] = [];
      this.MANY({
        GATE: () => value?.type === "phrase" && !(tokenMatcher(this.LA(2), T.Name) && this.LA(3).tokenType === T.Colon),
        DEF: () => {
          this.CONSUME(T.Comma);
          items.push(this.SUBRULE2(this.phrase));
        },
      });
      if (items.length && !this.RECORDING_PHASE) value = this.bracketless(value as Phrase, items);
    } catch (e) {
      if (!isRecognitionException(e as Error)) throw e;
      if (!this.RECORDING_PHASE) this.skipToMember();
    }
    if (this.RECORDING_PHASE) return undefined as unknown as Property;
    const n = ident(name);
    return { type: "property", name: n, value, span: { start: n.span.start, end: value ? value.span.end : n.span.end } };
  });

  /** The list `first, ...rest` was meant to be, and the error that says to write it in brackets. */
  private bracketless(first: Phrase, rest: readonly Phrase[]): Value {
    const items = [first, ...rest];
    const span = { start: first.span.start, end: rest[rest.length - 1]!.span.end };
    const words = items.map((p) => (p.modifiers.length === 0 ? simpleImage(p.expr) : null));
    const shown = words.every((w) => w !== null) && words.join(", ").length <= 60 ? `[${words.join(", ")}]` : "[a, b]";
    this.extraErrors.push({ span, message: `a list needs brackets: write \`${shown}\`` });
    return { type: "list", items, span };
  }

  /** The word at lookahead k is `word` (an identifier, not a keyword). */
  private wordAhead(k: number, ...words: string[]): boolean {
    const t = this.LA(k);
    return tokenMatcher(t, T.Name) && words.includes(t.image);
  }

  /** The value of a key result: one of its five forms (`KeyResultForm`). */
  private krValue = this.RULE("krValue", (): KrValue => {
    return this.OR([
      {
        // -> TO: a target with no stated start
        ALT: () => {
          const arrow = this.CONSUME(T.Arrow);
          const to = this.SUBRULE(this.expr);
          return this.ACTION(() => ({ ...NO_KR_VALUE, form: "target" as const, to, formSpan: tokenSpan(arrow), end: to.span.end }));
        },
      },
      {
        // at most VALUE / at least VALUE: a ceiling or floor to hold
        GATE: () => this.wordAhead(1, "at") && this.wordAhead(2, "most", "least"),
        ALT: () => {
          const at = this.CONSUME(T.Name);
          const which = this.CONSUME2(T.Name);
          const to = this.SUBRULE2(this.expr);
          return this.ACTION(() => ({
            ...NO_KR_VALUE,
            form: "hold" as const,
            to,
            bound: which.image === "most" ? ("at_most" as const) : ("at_least" as const),
            formSpan: { start: at.startOffset, end: endOf(which) },
            end: to.span.end,
          }));
        },
      },
      {
        // done: a milestone
        GATE: () => this.wordAhead(1, "done") && !tokenMatcher(this.LA(2), T.Arrow),
        ALT: () => {
          const done = this.CONSUME3(T.Name);
          return this.ACTION(() => ({ ...NO_KR_VALUE, form: "milestone" as const, formSpan: tokenSpan(done), end: endOf(done) }));
        },
      },
      {
        // +CHANGE: an increase (relative when a percent)
        ALT: () => {
          const plus = this.CONSUME(T.Plus);
          const amount = this.SUBRULE(this.primary);
          return this.ACTION(() => ({ ...NO_KR_VALUE, form: "change" as const, change: amount, sign: "+" as const, formSpan: tokenSpan(plus), end: amount.span.end }));
        },
      },
      {
        // FROM -> TO, or -CHANGE (a negated value with no arrow after it)
        ALT: () => {
          const from = this.SUBRULE3(this.expr);
          let to: Expr | null = null;
          this.OPTION(() => {
            this.CONSUME2(T.Arrow);
            to = this.SUBRULE4(this.expr);
          });
          return this.ACTION((): KrValue => {
            const target = to as Expr | null;
            if (target) return { ...NO_KR_VALUE, form: "move", from, to: target, end: target.span.end };
            if (from.type === "neg") {
              return { ...NO_KR_VALUE, form: "change", change: from.operand, sign: "-", formSpan: { start: from.span.start, end: from.span.start + 1 }, end: from.span.end };
            }
            this.extraErrors.push({ span: from.span, message: KR_FORMS_MESSAGE });
            return { ...NO_KR_VALUE, form: "move", from, end: from.span.end };
          });
        },
      },
    ]);
  });

  private keyResult = this.RULE("keyResult", (): KeyResult => {
    const kw = this.CONSUME(T.Kr);
    this.ACTION(() => (this.operators = 0));
    const metric = this.CONSUME(T.Name);
    let title: StringLit | null = null;
    this.OPTION3(() => {
      const s = this.CONSUME(T.StringTok) as PmmToken;
      this.ACTION(() => (title = s.literal as StringLit));
    });
    this.CONSUME(T.Colon);
    const value = this.SUBRULE(this.krValue);
    let by: Modifier | null = null;
    this.OPTION(() => {
      const b = this.CONSUME(T.By);
      const v = this.SUBRULE(this.primary);
      this.ACTION(() => (by = { keyword: "by", keywordSpan: tokenSpan(b), value: v, span: { start: b.startOffset, end: v.span.end } }));
    });
    const draft: DeclDraft = { label: "", members: [] };
    this.ACTION(() => (draft.label = `\`kr ${metric.image}\``));
    let block: { span: Span; unclosed: boolean } | null = null;
    this.OPTION2(() => {
      block = this.SUBRULE(this.block, { ARGS: [draft] });
    });
    return this.ACTION(() => {
      const b = block as { span: Span } | null;
      const end = b ? b.span.end : ((by as Modifier | null)?.span.end ?? value.end);
      return {
        type: "kr",
        form: value.form,
        metric: ident(metric),
        title,
        from: value.from,
        to: value.to,
        change: value.change,
        sign: value.sign,
        bound: value.bound,
        formSpan: value.formSpan,
        by,
        properties: draft.members.filter((m): m is Property => m.type === "property"),
        span: { start: kw.startOffset, end },
      };
    });
  });

  private view = this.RULE("view", (): View => {
    const kw = this.CONSUME(T.View);
    const id = this.CONSUME(T.Name);
    let title: StringLit | null = null;
    this.OPTION(() => {
      const s = this.CONSUME(T.StringTok) as PmmToken;
      this.ACTION(() => (title = s.literal as StringLit));
    });
    const draft: DeclDraft = { label: "", members: [] };
    this.ACTION(() => (draft.label = `\`view ${id.image}\``));
    const block = this.SUBRULE(this.block, { ARGS: [draft] });
    return this.ACTION(() => ({
      type: "view",
      id: ident(id),
      title,
      properties: draft.members.filter((m): m is Property => m.type === "property"),
      span: { start: kw.startOffset, end: block.span.end },
    }));
  });

  /** A property's value: a one-token phrase (as in `phrase`, without entering it), a list, or a phrase. */
  private readonly valueAlts = [this.oneTokenAlt(), { ALT: (): Value => this.SUBRULE(this.list) }, { ALT: (): Value => this.SUBRULE(this.phrase) }];

  /**
   * The alternative that takes a one-token value whole (a name or literal), gated on the token after it
   * continuing no phrase; first in `valueAlts` and `phraseAlts`, whose other alternatives read it the long way.
   */
  private oneTokenAlt() {
    return {
      GATE: () => !CONTINUES_PHRASE.has(this.LA(2).tokenType),
      ALT: (): Phrase => {
        const t = this.CONSUME(T.Atom) as PmmToken;
        if (this.RECORDING_PHASE) return undefined as unknown as Phrase;
        this.operators = 0; // counted from zero for the next value
        return atomPhrase(t);
      },
      IGNORE_AMBIGUITIES: true,
    };
  }

  private list = this.RULE("list", (): Value => {
    const open = this.CONSUME(T.LBracket);
    const items: Phrase[] = [];
    this.OPTION(() => {
      items.push(this.SUBRULE(this.phrase));
      this.MANY({
        GATE: () => this.LA(2).tokenType !== T.RBracket,
        DEF: () => {
          this.CONSUME(T.Comma);
          items.push(this.SUBRULE2(this.phrase));
        },
      });
      this.OPTION2(() => this.CONSUME2(T.Comma));
    });
    const close = this.CONSUME(T.RBracket);
    return this.ACTION(() => ({ type: "list", items, span: { start: open.startOffset, end: endOf(close) } }));
  });

  /**
   * A value with its modifiers. Most values are one name or literal that
   * nothing continues (`type: output`, `owner: growth`): the first alternative
   * takes that token whole, gated on the token after it being none that would
   * continue the phrase (an operator or a modifier keyword), so the common case
   * costs one rule instead of five. The second is the full phrase; both give
   * the same node for the same tokens.
   */
  private phrase = this.RULE("phrase", (): Phrase => this.OR(this.phraseAlts));

  private readonly phraseAlts = [
    this.oneTokenAlt(),
    {
      ALT: (): Phrase => {
        if (!this.RECORDING_PHASE) this.operators = 0;
        const expr = this.SUBRULE(this.expr);
        const modifiers: Modifier[] = [];
        this.MANY(() => {
          const kw = this.CONSUME(T.ModifierWord);
          const v = this.SUBRULE(this.primary);
          this.ACTION(() => {
            const keyword = kw.image as ModifierKeyword;
            modifiers.push({ keyword, keywordSpan: tokenSpan(kw), value: v, span: { start: kw.startOffset, end: v.span.end } });
          });
        });
        if (this.RECORDING_PHASE) return undefined as unknown as Phrase;
        return modifiers.length === 0
          ? { type: "phrase", expr, modifiers: NONE, span: expr.span }
          : { type: "phrase", expr, modifiers, span: { start: expr.span.start, end: modifiers[modifiers.length - 1]!.span.end } };
      },
    },
  ];

  private readonly addAlts = [{ ALT: (): IToken => this.CONSUME(T.Plus) }, { ALT: (): IToken => this.CONSUME(T.Minus) }];
  private readonly mulAlts = [{ ALT: (): IToken => this.CONSUME(T.Star) }, { ALT: (): IToken => this.CONSUME(T.Slash) }];

  private expr = this.RULE("expr", (): Expr => {
    let left = this.SUBRULE(this.term);
    this.MANY(() => {
      const op = this.OR(this.addAlts);
      this.ACTION(() => this.countOperator(op));
      const right = this.SUBRULE2(this.term);
      this.ACTION(() => {
        left = { type: "binary", op: op.image as "+" | "-", left, right, span: { start: left.span.start, end: right.span.end } };
      });
    });
    return left;
  });

  private term = this.RULE("term", (): Expr => {
    let left = this.SUBRULE(this.factor);
    this.MANY(() => {
      const op = this.OR(this.mulAlts);
      this.ACTION(() => this.countOperator(op));
      const right = this.SUBRULE2(this.factor);
      this.ACTION(() => {
        left = { type: "binary", op: op.image as "*" | "/", left, right, span: { start: left.span.start, end: right.span.end } };
      });
    });
    return left;
  });

  private readonly factorAlts = [
    {
      ALT: () => {
        const open = this.CONSUME(T.LParen);
        this.ACTION(() => {
          if (++this.depth > MAX_NESTING) this.tooDeep(open);
        });
        let inner: Expr;
        try {
          inner = this.SUBRULE(this.expr);
        } finally {
          this.ACTION(() => this.depth--);
        }
        const close = this.CONSUME(T.RParen);
        return this.ACTION((): Expr => ({ type: "paren", inner, span: { start: open.startOffset, end: endOf(close) } }));
      },
    },
    {
      ALT: () => {
        const minus = this.CONSUME(T.Minus);
        this.ACTION(() => {
          if (++this.depth > MAX_NESTING) this.tooDeep(minus);
        });
        let operand: Expr;
        try {
          operand = this.SUBRULE(this.factor);
        } finally {
          this.ACTION(() => this.depth--);
        }
        return this.ACTION((): Expr => ({ type: "neg", operand, span: { start: minus.startOffset, end: operand.span.end } }));
      },
    },
    { ALT: (): Expr => this.SUBRULE(this.primary) },
  ];

  private factor = this.RULE("factor", (): Expr => this.OR(this.factorAlts));

  /** A literal or a name: what modifiers and `by` take. */
  private primary = this.RULE("primary", (): Expr => {
    // one token of the Atom category (a name or any literal): one match, no alternatives to look ahead over
    const t = this.CONSUME(T.Atom) as PmmToken;
    if (this.RECORDING_PHASE) return undefined as unknown as Expr;
    return atomExpr(t);
  });

  private tooDeep(tok: IToken): never {
    const message = `nesting too deep: at most ${MAX_NESTING} levels of parentheses, brackets and braces`;
    this.extraErrors.push({ span: tokenSpan(tok), message });
    throw new MismatchedTokenException(message, tok, this.LA(0));
  }

  private countOperator(op: IToken): void {
    if (++this.operators <= MAX_OPERATORS) return;
    const message = `expression too long: at most ${MAX_OPERATORS} operators in one value; split it into metrics`;
    this.extraErrors.push({ span: tokenSpan(op), message });
    throw new MismatchedTokenException(message, op, this.LA(0));
  }

  private atEnd(): boolean {
    return tokenMatcher(this.LA(1), EOF);
  }

  /** A kind word followed by a name starts a declaration (also inside a block). */
  private atDeclStart(): boolean {
    return tokenMatcher(this.LA(1), T.KindWord) && tokenMatcher(this.LA(2), T.Name);
  }

  private atBlockEnd(): boolean {
    return this.LA(1).tokenType === T.RCurly || this.atEnd() || this.atDeclStart();
  }

  private atMemberStart(): boolean {
    const t = this.LA(1).tokenType;
    return t === T.Kr || t === T.View || (tokenMatcher(this.LA(1), T.Name) && this.LA(2).tokenType === T.Colon && !this.atDeclStart());
  }

  /** Skips to the next member, `}` of this block, or declaration; nested blocks are skipped whole. */
  private skipToMember(): void {
    let braces = 0;
    while (!this.atEnd()) {
      const t = this.LA(1).tokenType;
      if (braces === 0 && (this.atMemberStart() || t === T.RCurly || this.atDeclStart())) return;
      if (braces > 0 && this.atDeclStart()) return;
      if (t === T.LCurly) braces++;
      else if (t === T.RCurly) braces--;
      this.SKIP_TOKEN();
    }
  }
}

/** The tokens that continue a phrase after its first token: operators and modifier keywords. */
const CONTINUES_PHRASE: ReadonlySet<TokenType> = new Set([T.Plus, T.Minus, T.Star, T.Slash, T.From, T.Over, T.By, T.For, T.On]);

/** Builds a parser with Chevrotain's grammar validations on; throws on a grammar error (for tests). */
export function checkGrammar(): void {
  new PmmParser(true);
}

/**
 * The grammar, ready to parse token vectors. Building it runs Chevrotain's
 * self-analysis (a few milliseconds), so a `Parser` (parse.ts) keeps one.
 */
export class Grammar {
  private readonly p = new PmmParser();

  /** Parses a token vector into declarations and syntax errors. */
  parse(tokens: IToken[]): { declarations: Declaration[]; errors: ParseError[] } {
    return parseTokens(this.p, tokens);
  }
}

function parseTokens(p: PmmParser, tokens: IToken[]): { declarations: Declaration[]; errors: ParseError[] } {
  p.load(tokens);
  let declarations: Declaration[] = [];
  try {
    declarations = p.file() ?? [];
  } catch (e) {
    if (!isRecognitionException(e as Error)) throw e;
  }
  const errors: ParseError[] = [...p.extraErrors];
  for (const e of p.errors) errors.push({ span: tokenSpan(e.token), message: e.message });
  return { declarations, errors };
}
