import { Fragment } from "react";
import { bodyLines, USER_LINK_REL } from "@/lib/discussion/body";

/**
 * A comment body as React text: line breaks become <br/>, http(s) links become anchors that
 * open in a new tab without access to this page. Nothing is ever inserted as HTML.
 */
export function CommentBody({ body }: { body: string }) {
  const lines = bodyLines(body);
  return (
    <p dir="auto" style={{ margin: "0.25rem 0", overflowWrap: "anywhere" }}>
      {lines.map((line, i) => (
        <Fragment key={i}>
          {i > 0 ? <br /> : null}
          {line.map((piece, j) =>
            piece.kind === "link" ? (
              <a key={j} href={piece.href} rel={USER_LINK_REL} target="_blank">
                {piece.text}
              </a>
            ) : (
              <Fragment key={j}>{piece.text}</Fragment>
            ),
          )}
        </Fragment>
      ))}
    </p>
  );
}
