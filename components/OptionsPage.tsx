import { HaloAddresses } from './HaloAddresses';
import { ImmyBotForm } from './ImmyBotForm';

export function OptionsPage() {
  return (
    <>
      <header class="page-header">
        <h1>ImmyBot Technician Tools for HaloPSA</h1>
        <p>Shows ImmyBot’s Technician Tools beside every HaloPSA ticket.</p>
      </header>
      <ImmyBotForm />
      <HaloAddresses />
    </>
  );
}
