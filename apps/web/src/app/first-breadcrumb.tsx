import "./first-paint.css";

/** A step of a unit's path: a link to its page, the last one (the unit itself) plain. */
export interface FirstCrumb {
  code: string;
  name: string;
}

/**
 * A unit's path drawn by the first script as the component library's breadcrumb draws it (a list,
 * links with the same box and separators), so the page's title does not move when it takes over.
 */
export function FirstBreadcrumb({
  ancestors,
  unitName,
}: {
  ancestors: FirstCrumb[];
  unitName: string;
}) {
  return (
    <nav className="unit-breadcrumb first-breadcrumb">
      <ol>
        {ancestors.map((step) => (
          <li key={step.code}>
            <a className="first-crumb-link" href={`/units/${encodeURIComponent(step.code)}`}>
              {step.name}
            </a>
            <span className="first-crumb-separator" aria-hidden>
              /
            </span>
          </li>
        ))}
        <li>
          <span className="first-crumb-current">{unitName}</span>
        </li>
      </ol>
    </nav>
  );
}
