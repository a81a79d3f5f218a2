import Link from "next/link";
import type { SessionUser } from "@/app/_server/auth";
import { AccountMenu } from "./account-menu";
import { NavLinks } from "./nav-links";
import { SearchBox } from "./search/search-box";
import { ThemeSwitch } from "./theme-switch";

export function SiteHeader({ user }: { user: SessionUser | null }) {
  return (
    <header className="site-header">
      <div className="container">
        <Link href="/" className="brand" aria-label="Lambda Lab home">
          <span className="brand-mark" aria-hidden="true">
            λ
          </span>
          Lambda Lab
        </Link>
        <NavLinks />
        <SearchBox />
        <div className="header-actions">
          <ThemeSwitch />
          <AccountMenu user={user} />
        </div>
      </div>
    </header>
  );
}
