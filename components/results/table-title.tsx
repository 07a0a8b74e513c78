import styles from "./results.module.css";

/**
 * A results table's title and explanation, above its scrolling box rather than in a <caption>
 * inside it: a caption is as wide as its table and was cut off on a phone. The table names
 * them (aria-labelledby, aria-describedby). On a narrow screen a line says the table scrolls.
 */
export function TableTitle({ id, title, hint, scrollHint }: { id: string; title: string; hint: string; scrollHint: string }) {
  return (
    <>
      <h3 id={`${id}-title`} className={styles.tableTitle}>{title}</h3>
      <p id={`${id}-hint`} className={styles.captionHint}>{hint}</p>
      <p className={styles.scrollHint} aria-hidden="true">{scrollHint}</p>
    </>
  );
}
