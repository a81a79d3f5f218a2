/** Event source → Lambda → destination, drawn as accessible SVG (it has a title and a description). */
export function EventFlowDiagram() {
  return (
    <svg className="diagram" viewBox="0 0 640 150" role="img" aria-labelledby="flow-title flow-desc">
      <title id="flow-title">How a Lambda function runs</title>
      <desc id="flow-desc">
        An event source such as API Gateway, S3 or SQS sends an event to the Lambda service, which runs your handler in an
        execution environment and sends the result to a caller or a destination.
      </desc>
      <defs>
        <marker id="arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path className="arrowhead" d="M 0 0 L 10 5 L 0 10 z" />
        </marker>
      </defs>
      <rect className="box" x="10" y="40" width="160" height="70" rx="10" />
      <text x="90" y="70" textAnchor="middle">Event source</text>
      <text x="90" y="92" textAnchor="middle" className="muted-text">API · S3 · SQS · …</text>
      <path className="arrow" d="M 172 75 L 236 75" />
      <rect className="lambda" x="240" y="30" width="160" height="90" rx="12" />
      <text x="320" y="68" textAnchor="middle" className="lambda-text">λ Lambda</text>
      <text x="320" y="92" textAnchor="middle" className="lambda-text">your handler</text>
      <path className="arrow" d="M 402 75 L 466 75" />
      <rect className="box" x="470" y="40" width="160" height="70" rx="10" />
      <text x="550" y="70" textAnchor="middle">Result</text>
      <text x="550" y="92" textAnchor="middle">caller · destination</text>
    </svg>
  );
}
