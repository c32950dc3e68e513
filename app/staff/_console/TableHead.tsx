/** A console table's column headers, in order. */
export default function TableHead({ columns }: { columns: readonly string[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col">{column}</th>
        ))}
      </tr>
    </thead>
  );
}
