// The floor for page weight: the smallest App Router page Next.js can ship, built with the same versions.
export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
