import { Certification } from "@/app/_components/practice/insights";
import { practiceCatalog } from "@/app/_server/practice/catalog";

export const metadata = { title: "Certification readiness" };

export default function CertificationPage() {
  return (
    <>
      <h1>AWS Certified Developer – Associate readiness</h1>
      <p className="muted" style={{ maxWidth: "44rem" }}>
        Every question is tagged with the DVA-C02 domain it exercises. Coverage is how much of each domain you have answered;
        readiness how well.
      </p>
      <Certification bank={practiceCatalog().bank} />
    </>
  );
}
